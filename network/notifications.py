"""The network's emails: each sent once (claimed by a conditional UPDATE first), in its reader's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from network.models import ApplicationStatus, ContactStatus, ExpertContact, NetworkApplication


def _language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _render(template: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(_language(language)):
        subject = " ".join(render_to_string(f"network/email/{template}_subject.txt", context).split())
        body = render_to_string(f"network/email/{template}_body.txt", context)
    return subject, body


def _url(name: str, language: str, *args) -> str:
    with translation.override(_language(language)):
        return settings.SITE_URL + reverse(name, args=args)


def _user_language(user) -> str:
    profile = getattr(user, "profile", None) if user is not None else None
    return _language(getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE)


def application_decision_send(*, application_id: int) -> bool:
    """The applicant hears the editors' decision; True if this call sent it."""
    claimed = (
        NetworkApplication.objects.filter(
            pk=application_id,
            notified_at__isnull=True,
            status__in=[ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED],
        )
        .exclude(contact_email="")
        .update(notified_at=timezone.now())
    )
    if not claimed:
        return False
    application = NetworkApplication.objects.get(pk=application_id)
    context = {
        "name": application.contact_name,
        "organisation": application.organisation,
        "message": application.decision_message,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "accepted": application.status == ApplicationStatus.ACCEPTED,
    }
    subject, body = _render("application_decision", context, application.language)
    send_mail(subject, body, None, [application.contact_email])
    return True


def expert_contact_send_mail(*, contact_id: int) -> bool:
    """The expert hears of a new message (not its sender's address); True if this call sent it."""
    claimed = ExpertContact.objects.filter(pk=contact_id, notified_at__isnull=True).update(notified_at=timezone.now())
    if not claimed:
        return False
    contact = ExpertContact.objects.select_related("expert__user__profile").get(pk=contact_id)
    expert_user = contact.expert.user
    if expert_user.deleted_at is not None or not expert_user.is_active:
        return False
    language = _user_language(expert_user)
    context = {
        "expert": contact.expert.public_name,
        "sender": contact.sender_name,
        "message": contact.message,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "url": _url("network:message", language, contact.pk),
    }
    subject, body = _render("contact_new", context, language)
    send_mail(subject, body, None, [expert_user.email])
    return True


def expert_contact_share_mail(*, contact_id: int) -> bool:
    """Both sides of an accepted message get each other's name and email; True if this call sent them."""
    claimed = ExpertContact.objects.filter(pk=contact_id, status=ContactStatus.ACCEPTED, shared_at__isnull=True).update(
        shared_at=timezone.now()
    )
    if not claimed:
        return False
    contact = ExpertContact.objects.select_related("expert__user__profile", "sender").get(pk=contact_id)
    expert_user, sender = contact.expert.user, contact.sender
    common = {"site_name": settings.WAGTAIL_SITE_NAME, "message": contact.message}
    to_sender = _render(
        "contact_shared",
        {**common, "reader": contact.sender_name, "other": contact.expert.public_name, "email": expert_user.email},
        contact.language,
    )
    to_expert = _render(
        "contact_shared",
        {**common, "reader": contact.expert.public_name, "other": contact.sender_name, "email": sender.email},
        _user_language(expert_user),
    )
    send_mail(*to_sender, None, [sender.email])
    send_mail(*to_expert, None, [expert_user.email])
    return True
