"""Writes for event sign-ups: a capacity never exceeded, a waiting list in arrival order, emails once.

Every sign-up and cancellation of an event first locks its `EventRoster` row (one per
translation key), so they happen one at a time per event, on PostgreSQL (`select_for_update`)
as on SQLite (IMMEDIATE transactions). Seats are counted from the rows under that lock, and the
unique constraint per learner × event stops a second row from two tabs.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.learner_cache import learner_cache_bump
from base.pages import page_is_open
from events.models import EventPage, EventRegistration, EventRoster, EventStatus, RegistrationStatus
from events.tasks import event_reminder_send, registration_promoted_announce

REMINDER_WINDOW = datetime.timedelta(hours=24)


class EventError(Exception):
    """A sign-up or cancellation that cannot be done; the message is for the learner."""


class AlreadyRegistered(EventError):
    """The learner has a place already (a second tab, a double tap): nothing changed."""

    def __init__(self, registration: EventRegistration):
        self.registration = registration
        if registration.status == RegistrationStatus.WAITING:
            message = _("You are already on the waiting list for this event.")
        else:
            message = _("You are already registered for this event.")
        super().__init__(message)


class NotRegistered(EventError):
    """A cancellation by someone with no place: nothing changed."""

    def __init__(self):
        super().__init__(_("You are not registered for this event, so there was nothing to cancel."))


def _roster_lock(event_key) -> EventRoster:
    """The event's roster row, locked until the transaction ends (made on the first sign-up)."""
    EventRoster.objects.get_or_create(event_key=event_key)
    return EventRoster.objects.select_for_update().get(event_key=event_key)


def _seats_taken(event_key) -> int:
    return EventRegistration.objects.filter(event_key=event_key, status=RegistrationStatus.REGISTERED).count()


def _waiting_promote(*, event: EventPage) -> list[EventRegistration]:
    """Give free seats to the first people waiting, in arrival order (the roster is locked).

    Each moved up is told once, by a task enqueued after the commit.
    """
    waiting = EventRegistration.objects.filter(event_key=event.translation_key, status=RegistrationStatus.WAITING)
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - _seats_taken(event.translation_key)
        if free <= 0:
            return []
    chosen = list(waiting.order_by("number")[:free] if free is not None else waiting.order_by("number"))
    now = timezone.now()
    for registration in chosen:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        transaction.on_commit(lambda pk=registration.pk: _promotion_enqueue(pk))
    return chosen


def _promotion_enqueue(registration_id: int) -> None:
    registration_promoted_announce.enqueue(registration_id=registration_id)


def _open_for_sign_up(event: EventPage) -> None:
    if not page_is_open(event):
        raise EventError(_("This event is not available."))
    if event.status == EventStatus.CANCELLED:
        raise EventError(_("This event has been cancelled, so it takes no sign-ups."))
    if event.is_past():
        raise EventError(_("This event is over, so sign-up is closed. Its materials are on its page."))


@transaction.atomic
def registration_create(*, user, event: EventPage, language: str = "") -> EventRegistration:
    """Give the learner a seat, or a place on the waiting list when the event is full.

    A learner with a place already gets `AlreadyRegistered` (nothing changes); one who cancelled
    before signs up again at the end of the line.
    """
    if not user.is_authenticated:
        raise EventError(_("Log in to sign up for this event."))
    _open_for_sign_up(event)
    key = event.translation_key
    roster = _roster_lock(key)
    existing = EventRegistration.objects.filter(user=user, event_key=key).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        raise AlreadyRegistered(existing)
    _waiting_promote(event=event)  # seats freed by a larger capacity go to those waiting first
    full = event.capacity is not None and _seats_taken(key) >= event.capacity
    roster.last_number += 1
    roster.save(update_fields=["last_number"])
    values = {
        "event": event,
        "event_title": event.title[:255],
        "status": RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED,
        "number": roster.last_number,
        "language": language[:10],
        "promoted_at": None,
        "promotion_notified_at": None,
        "reminded_at": None,
    }
    if existing is None:
        registration = EventRegistration(user=user, event_key=key, **values)
    else:
        registration = existing
        for name, value in values.items():
            setattr(registration, name, value)
    registration.full_clean(validate_unique=False)
    registration.save()
    return registration


def _cancel(registration: EventRegistration, event: EventPage | None) -> None:
    was = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if was == RegistrationStatus.REGISTERED and event is not None:
        _waiting_promote(event=event)


@transaction.atomic
def registration_cancel(*, user, event: EventPage) -> EventRegistration:
    """Give up a seat or a place on the waiting list; a freed seat goes to the first person waiting."""
    if not user.is_authenticated:
        raise NotRegistered()
    key = event.translation_key
    _roster_lock(key)
    registration = EventRegistration.objects.filter(user=user, event_key=key).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        raise NotRegistered()
    if event.is_past():
        raise EventError(_("This event is over: there is nothing left to cancel."))
    _cancel(registration, event)
    return registration


def registration_on_account_deleted(sender, *, user, **kwargs):
    """Receiver of accounts' `account_deleted`: free the person's seats (moving others up), then forget them."""
    for registration in (
        EventRegistration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
        .order_by("event_key")
    ):
        _roster_lock(registration.event_key)
        _cancel(registration, registration.event)
    EventRegistration.objects.filter(user=user).delete()
    learner_cache_bump(user.pk)


def reminders_due_enqueue(*, now: datetime.datetime | None = None) -> int:
    """Queue the day-before reminder of every seat at an event starting within 24 hours; returns how many.

    Run hourly (`manage.py events_remind`, from cron); the task claims each registration once,
    so overlapping runs, retries and replays send one email per registration.
    """
    now = now or timezone.now()
    ids = list(
        EventRegistration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            reminded_at__isnull=True,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + REMINDER_WINDOW,
        ).values_list("pk", flat=True)
    )
    for pk in ids:
        event_reminder_send.enqueue(registration_id=pk)
    return len(ids)
