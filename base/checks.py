"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def rate_limits_need_a_shared_cache(app_configs, **kwargs):
    """allauth's rate limits live in the cache; a per-process cache lets each worker count alone."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The cache is local to each process, so login and sign-up rate limits are not shared between workers.",
                hint="Set REDIS_URL.",
                id="trainingsite.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def email_must_leave_the_machine(app_configs, **kwargs):
    """Verification codes that go to the console lock every learner out."""
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend", "dummy.EmailBackend")):
        return [
            Warning(
                "Email is not sent anywhere, so sign-up codes and password resets never arrive.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).",
                id="trainingsite.W002",
            )
        ]
    return []
