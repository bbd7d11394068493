"""The day-before reminder: registered learners only, in their language, once under retries and replays."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.formats import date_format

from events import services
from events.models import EventRegistration
from events.tasks import event_reminder_send
from tests.builders import make_event, make_learner

pytestmark = pytest.mark.django_db


def test_registered_learners_are_reminded_once_however_often_the_command_runs(events_index):
    event = make_event(events_index, title="Webinar: cash flow", starts_in=datetime.timedelta(hours=20), capacity=1)
    seated, waiting = make_learner(), make_learner()
    services.registration_create(user=seated, event=event, language="en")
    services.registration_create(user=waiting, event=event)
    later = make_event(events_index, starts_in=datetime.timedelta(days=3))
    services.registration_create(user=make_learner(), event=later)

    call_command("events_remind")
    call_command("events_remind")

    assert [message.to for message in mail.outbox] == [[seated.email]]
    assert mail.outbox[0].subject == "Tomorrow: Webinar: cash flow"
    assert "https://meet.example.org/room-42" in mail.outbox[0].body
    assert EventRegistration.objects.get(user=seated).reminded_at is not None


def test_a_retried_or_replayed_reminder_task_sends_nothing_more(events_index):
    event = make_event(events_index, starts_in=datetime.timedelta(hours=5))
    registration = services.registration_create(user=make_learner(), event=event)
    for _ in range(3):
        event_reminder_send.call(registration_id=registration.pk)
    assert len(mail.outbox) == 1


def test_the_reminder_is_in_the_learners_language(events_index):
    event = make_event(events_index, starts_in=datetime.timedelta(hours=10))
    registration = services.registration_create(user=make_learner(), event=event, language="fr")
    event_reminder_send.call(registration_id=registration.pk)
    assert len(mail.outbox) == 1
    with translation.override("fr"):
        french_date = date_format(event.starts_at.astimezone(event.zone), "DATE_FORMAT")
    assert french_date in mail.outbox[0].body  # dates written the French way (the text once translated)


def test_cancelled_places_and_cancelled_events_get_no_reminder(events_index):
    event = make_event(events_index, starts_in=datetime.timedelta(hours=10))
    learner = make_learner()
    services.registration_create(user=learner, event=event)
    services.registration_cancel(user=learner, event=event)
    other = make_event(events_index, starts_in=datetime.timedelta(hours=10))
    services.registration_create(user=make_learner(), event=other)
    other.status = "cancelled"
    other.save_revision().publish()
    call_command("events_remind")
    assert mail.outbox == []
