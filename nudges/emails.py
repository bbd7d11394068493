"""The one place a message to a learner becomes an email (headers such as List-Unsubscribe go here)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def settings_url_get(language: str) -> str:
    """The learner's message settings, in `language` (the default language has no prefix)."""
    with translation.override(language):
        return settings.SITE_URL + reverse("nudges:settings")


def message_email_build(*, user, language: str, template: str, context: dict) -> EmailMessage:
    """The email of one message: `templates/<template>_subject.txt` and `_body.txt`, in `language`.

    Every message carries the link to the learner's message settings (`settings_url`).
    """
    with translation.override(language):
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "settings_url": settings_url_get(language),
            **context,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email], headers={"Content-Language": language})
