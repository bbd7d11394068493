"""The events' emails, each sent once per registration, in the learner's language.

A registration is claimed with a conditional UPDATE of its `…_at` column before the email goes,
so two workers, a retried task or a replayed command send one email. (A send that fails after
the claim is not retried: one missing email beats two.)
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from events.models import EventPage, EventRegistration, EventStatus, RegistrationStatus


def _event_in_language(registration: EventRegistration, language: str) -> EventPage | None:
    """The live event in the learner's language, else the page they signed up on."""
    translated = (
        EventPage.objects.live().filter(translation_key=registration.event_key, locale__language_code=language).first()
    )
    return translated or registration.event


def _absolute(url: str) -> str:
    return settings.SITE_URL + url if url.startswith("/") else url


def _send(registration: EventRegistration, template: str) -> None:
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = _event_in_language(registration, language)
        zone = event.zone
        context = {
            "event": event,
            "title": event.title,
            "start": event.starts_at.astimezone(zone).replace(tzinfo=None),  # wall times: see selectors.wall_time
            "end": event.ends_at.astimezone(zone).replace(tzinfo=None),
            "zone": zone.key,
            "online_url": event.online_url if event.is_online else "",
            "venue": ", ".join(part for part in [event.venue_name, event.city] if part) if event.is_in_person else "",
            "url": _absolute(event.url or ""),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}_body.txt", context)
    send_mail(subject, body, None, [registration.user.email])


def _deliverable(registration: EventRegistration) -> bool:
    event = registration.event
    return (
        event is not None
        and event.status == EventStatus.SCHEDULED
        and getattr(registration.user, "deleted_at", None) is None
        and registration.status == RegistrationStatus.REGISTERED
    )


def promotion_send(*, registration: EventRegistration) -> bool:
    """ "A seat is yours": sent once to a learner moved up from the waiting list; True if this call sent it."""
    if not _deliverable(registration) or registration.event.is_past():
        return False
    claimed = EventRegistration.objects.filter(
        pk=registration.pk, status=RegistrationStatus.REGISTERED, promotion_notified_at__isnull=True
    ).update(promotion_notified_at=timezone.now())
    if not claimed:
        return False
    _send(registration, "promoted")
    return True


def reminder_send(*, registration: EventRegistration) -> bool:
    """The day-before reminder, sent once per registration; True if this call sent it."""
    if not _deliverable(registration) or registration.event.starts_at <= timezone.now():
        return False
    claimed = EventRegistration.objects.filter(
        pk=registration.pk, status=RegistrationStatus.REGISTERED, reminded_at__isnull=True
    ).update(reminded_at=timezone.now())
    if not claimed:
        return False
    _send(registration, "reminder")
    return True
