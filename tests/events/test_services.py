"""Sign-up rules: seats, the waiting list, clear refusals, emails once, and a deleted account's places."""

import datetime

import pytest
from django.core import mail

from accounts.selectors import account_export_get
from accounts.services import account_delete
from events import services
from events.models import EventRegistration, RegistrationStatus
from tests.builders import make_event, make_learner

pytestmark = pytest.mark.django_db


def test_signing_up_twice_keeps_one_place(events_index):
    event = make_event(events_index, capacity=5)
    learner = make_learner()
    first = services.registration_create(user=learner, event=event)
    with pytest.raises(services.AlreadyRegistered, match="already registered"):
        services.registration_create(user=learner, event=event)
    assert first.status == RegistrationStatus.REGISTERED
    assert EventRegistration.objects.filter(user=learner).count() == 1


def test_beyond_capacity_learners_wait_in_order_and_a_cancellation_moves_the_first_up_once(
    events_index, django_capture_on_commit_callbacks
):
    event = make_event(events_index, capacity=1, title="Office hours: export papers")
    seated, first, second = make_learner(), make_learner(), make_learner()
    services.registration_create(user=seated, event=event)
    assert services.registration_create(user=first, event=event).status == RegistrationStatus.WAITING
    assert services.registration_create(user=second, event=event).status == RegistrationStatus.WAITING
    with pytest.raises(services.AlreadyRegistered, match="waiting list"):
        services.registration_create(user=first, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(user=seated, event=event)

    assert EventRegistration.objects.get(user=first).status == RegistrationStatus.REGISTERED
    assert EventRegistration.objects.get(user=second).status == RegistrationStatus.WAITING
    assert [message.to for message in mail.outbox] == [[first.email]]
    assert "A seat is yours: Office hours: export papers" in mail.outbox[0].subject
    # A replayed task sends nothing more.
    from events.tasks import registration_promoted_announce

    registration_promoted_announce.call(registration_id=EventRegistration.objects.get(user=first).pk)
    assert len(mail.outbox) == 1


def test_leaving_the_waiting_list_moves_nobody_up(events_index):
    event = make_event(events_index, capacity=1)
    seated, waiting = make_learner(), make_learner()
    services.registration_create(user=seated, event=event)
    services.registration_create(user=waiting, event=event)
    services.registration_cancel(user=waiting, event=event)
    assert EventRegistration.objects.get(user=seated).status == RegistrationStatus.REGISTERED
    assert EventRegistration.objects.get(user=waiting).status == RegistrationStatus.CANCELLED


def test_signing_up_again_after_cancelling_goes_to_the_end_of_the_line(events_index):
    event = make_event(events_index, capacity=1)
    learners = [make_learner() for _ in range(3)]
    for learner in learners:
        services.registration_create(user=learner, event=event)
    services.registration_cancel(user=learners[1], event=event)
    again = services.registration_create(user=learners[1], event=event)
    assert again.status == RegistrationStatus.WAITING
    assert again.number > EventRegistration.objects.get(user=learners[2]).number
    assert EventRegistration.objects.filter(user=learners[1]).count() == 1


def test_a_larger_capacity_seats_those_waiting_before_a_newcomer(events_index):
    event = make_event(events_index, capacity=1)
    seated, waiting, newcomer = make_learner(), make_learner(), make_learner()
    services.registration_create(user=seated, event=event)
    services.registration_create(user=waiting, event=event)
    event.capacity = 2
    event.save_revision().publish()
    assert services.registration_create(user=newcomer, event=event).status == RegistrationStatus.WAITING
    assert EventRegistration.objects.get(user=waiting).status == RegistrationStatus.REGISTERED


def test_without_capacity_everyone_gets_a_seat(events_index):
    event = make_event(events_index, capacity=None)
    for _ in range(5):
        assert services.registration_create(user=make_learner(), event=event).status == RegistrationStatus.REGISTERED


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_in": -datetime.timedelta(days=3)}, "over"),
        ({"status": "cancelled"}, "cancelled"),
    ],
)
def test_past_and_cancelled_events_refuse_sign_ups_clearly(events_index, fields, message):
    event = make_event(events_index, **fields)
    with pytest.raises(services.EventError, match=message):
        services.registration_create(user=make_learner(), event=event)
    assert not EventRegistration.objects.exists()


def test_a_draft_event_refuses_sign_ups(events_index):
    event = make_event(events_index, live=False)
    with pytest.raises(services.EventError, match="not available"):
        services.registration_create(user=make_learner(), event=event)


def test_cancelling_without_a_place_is_a_clear_refusal(events_index):
    event = make_event(events_index)
    learner = make_learner()
    with pytest.raises(services.NotRegistered):
        services.registration_cancel(user=learner, event=event)
    services.registration_create(user=learner, event=event)
    services.registration_cancel(user=learner, event=event)
    with pytest.raises(services.NotRegistered):
        services.registration_cancel(user=learner, event=event)


def test_a_deleted_account_frees_its_seat_for_the_next_person_and_leaves_no_row(
    events_index, django_capture_on_commit_callbacks
):
    event = make_event(events_index, capacity=1)
    leaving, waiting = make_learner(), make_learner()
    services.registration_create(user=leaving, event=event)
    services.registration_create(user=waiting, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=leaving)
    assert not EventRegistration.objects.filter(user=leaving).exists()
    assert EventRegistration.objects.get(user=waiting).status == RegistrationStatus.REGISTERED
    assert [message.to for message in mail.outbox if "A seat is yours" in message.subject] == [[waiting.email]]


def test_the_data_export_lists_the_learners_registrations(events_index):
    event = make_event(events_index, title="Webinar on SME finance")
    learner = make_learner()
    services.registration_create(user=learner, event=event, language="fr")
    section = account_export_get(user=learner)["event_registrations"]
    assert section == [
        {
            "event": "Webinar on SME finance",
            "event_key": str(event.translation_key),
            "status": "registered",
            "signed_up_at": section[0]["signed_up_at"],
            "moved_up_from_waiting_list_at": None,
            "reminded_at": None,
            "language": "fr",
        }
    ]


def test_a_partners_event_purges_the_events_listing_from_the_cdn(events_index, home):
    from base.cdn import cdn_page_urls
    from tests.builders import make_partner

    partner = make_partner(home, title="Valle Verde Institute")
    event = make_event(partner)
    urls = cdn_page_urls(event)
    assert any(url.endswith(events_index.url) for url in urls)
    assert any(url.endswith(event.url) for url in urls)


def test_a_learners_upcoming_events_are_listed_soonest_first_without_past_or_cancelled_places(events_index):
    from django.utils import timezone

    from events.selectors import upcoming_registration_list

    learner = make_learner()
    later = make_event(events_index, title="Later", starts_in=datetime.timedelta(days=20))
    sooner = make_event(events_index, title="Sooner", starts_in=datetime.timedelta(days=2))
    dropped = make_event(events_index, title="Dropped")
    for event in (later, sooner, dropped):
        services.registration_create(user=learner, event=event)
    services.registration_cancel(user=learner, event=dropped)
    rows = upcoming_registration_list(user=learner, now=timezone.now())
    assert [event.title for _registration, event in rows] == ["Sooner", "Later"]
