"""The one place a message to a learner becomes an email, with its one-click unsubscribe (RFC 8058).

Each kind of message is a mailing list of its own (`messages-<kind>`, registered from `ready()`):
the `List-Unsubscribe` address in a welcome turns off welcomes only, as the settings page would.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.unsubscribe import unsubscribe_list_register, unsubscribe_token_make


def settings_url_get(language: str) -> str:
    """The learner's message settings, in `language` (the default language has no prefix)."""
    with translation.override(language):
        return settings.SITE_URL + reverse("nudges:settings")


def list_name(kind: str) -> str:
    return f"messages-{kind}"


def unsubscribe_lists_register() -> None:
    """One list per kind of message, ended by turning that kind off in the learner's preferences."""
    from nudges import services  # services reads the models: not at import time
    from nudges.models import MessageKind

    for kind in MessageKind:
        unsubscribe_list_register(
            list_name(kind.value),
            label=kind.label,
            is_subscribed=lambda user, kind=kind: services.preference_get(user=user).allows(kind),
            stop=lambda user, kind=kind: services.preference_kind_stop(user=user, kind=kind),
        )


def unsubscribe_url_get(user, kind: str) -> str:
    """The address that turns this kind of message off for `user` in one click, no login needed."""
    token = unsubscribe_token_make(user=user, list_name=list_name(kind))
    return settings.SITE_URL + reverse("messages_unsubscribe", args=[token])


def message_email_build(*, user, kind: str, language: str, template: str, context: dict) -> EmailMessage:
    """The email of one message: `templates/<template>_subject.txt` and `_body.txt`, in `language`.

    Every message carries the link to the learner's message settings (`settings_url`), and the
    one-click unsubscribe of its kind in the `List-Unsubscribe` headers (RFC 2369, RFC 8058).
    """
    with translation.override(language):
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "settings_url": settings_url_get(language),
            **context,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    headers = {
        "Content-Language": language,
        "List-Unsubscribe": f"<{unsubscribe_url_get(user, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return EmailMessage(subject=subject, body=body, to=[user.email], headers=headers)
