"""Test overrides: speed, a plain static storage and an in-memory outbox."""

import os

# Tests run with DEBUG off like production, so they need a key; this one is never deployed.
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-for-django-checks")
# A fixed Ed25519 seed that signs test certificates; never deployed either.
os.environ.setdefault("CERTIFICATE_SIGNING_KEYS", "cEPifAwW4uLFXOARI_BVeEmOn1gavmgTtt3DVaJ8m84")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One process: the page cache's generation can share the default store (cleared between tests).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "generation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# One media folder per pytest-xdist worker (gw0, gw1…), so parallel workers never see each other's files.
_worker = os.environ.get("PYTEST_XDIST_WORKER")
MEDIA_ROOT = VAR_DIR / (f"test-media-{_worker}" if _worker else "test-media")  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
# Queued tasks run as soon as they are enqueued (after the commit that queues them).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Page views are written as they happen, so tests read them at once (tests/reports/test_page_view_batches.py
# turns the batching on).
PAGE_VIEW_FLUSH_SECONDS = 0
