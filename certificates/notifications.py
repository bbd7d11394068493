"""The "Your certificate is ready" email: sent once, in the learner's language, with the certificate's link."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from certificates.models import Certificate

# An app above may send the "ready" email itself (nudges does: the learner's choice of messages,
# its ledger and its footer); certificates never imports it. `(certificate, context) -> bool`.
_ready_sender = None


def certificate_ready_sender_set(sender) -> None:
    """Let `sender(certificate=…, context=…)` send the "ready" email instead of the plain one below."""
    global _ready_sender  # noqa: PLW0603 (a one-slot registry filled from an AppConfig.ready())
    _ready_sender = sender


def certificate_path_get(certificate: Certificate) -> str:
    """The learner's page of the certificate, in its language (the default language has no prefix).

    Built by hand, not reversed: the page ("certificates:detail") comes with the learner pages'
    own work on issue 14; keep this path in step with certificates/urls.py.
    """
    language = certificate.language or settings.LANGUAGE_CODE
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{prefix}/learning/certificates/{certificate.public_id}/"


def certificate_ready_send(*, certificate: Certificate) -> bool:
    """Send "Your certificate is ready" unless it was sent already; True if this call sent it.

    The certificate is claimed with a conditional UPDATE first, so two workers (or a task run
    twice) send one email; a registered sender (`certificate_ready_sender_set`) then sends it, or
    decides not to (the learner turned it off). Not sent for a revoked or replaced certificate,
    nor to a deleted account.
    """
    if certificate.is_revoked or getattr(certificate.user, "deleted_at", None) is not None:
        return False
    claimed = Certificate.objects.filter(
        pk=certificate.pk, notified_at__isnull=True, revoked_at__isnull=True, replaced_at__isnull=True
    ).update(notified_at=timezone.now())
    if not claimed:
        return False
    with translation.override(certificate.language or settings.LANGUAGE_CODE):
        context = {
            "name": certificate.recipient_name,
            "achievement": certificate.achievement_name,
            "issuer": certificate.issuer_name,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "url": settings.SITE_URL + certificate_path_get(certificate),
        }
    if _ready_sender is not None:
        return _ready_sender(certificate=certificate, context=context)
    with translation.override(certificate.language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("certificates/email/ready_subject.txt", context).split())
        body = render_to_string("certificates/email/ready_body.txt", context)
    send_mail(subject, body, None, [certificate.user.email])
    return True
