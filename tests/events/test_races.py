"""The last seats of an event taken by 50 people at once, on SQLite and PostgreSQL alike.

Seats taken never exceed the capacity, everyone else is on the waiting list in arrival order, and
nobody has two rows; cancellations racing give each freed seat to the next person waiting, once.
"""

import pytest
from django.core import mail

from events import services
from events.models import EventRegistration, RegistrationStatus
from tests.builders import make_event, make_event_index, make_home, make_learner
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 50
REPEATS = range(2)


@pytest.fixture
def index():
    return make_event_index(make_home())


def statuses(event):
    rows = EventRegistration.objects.filter(event_key=event.translation_key).order_by("number")
    return [(row.user_id, row.status, row.number) for row in rows]


@pytest.mark.parametrize("repeat", REPEATS)
def test_fifty_people_racing_for_the_last_seat_fill_it_once_and_queue_the_rest_in_order(index, repeat):
    event = make_event(index, capacity=3, title="Forum on cross-border e-commerce")
    for _ in range(2):
        services.registration_create(user=make_learner(), event=event)
    learners = [make_learner() for _ in range(PEOPLE)]

    errors = run_at_once(lambda i: services.registration_create(user=learners[i], event=event), threads=PEOPLE)

    assert errors == []
    rows = statuses(event)
    assert len(rows) == PEOPLE + 2
    assert len({user for user, _status, _number in rows}) == PEOPLE + 2  # nobody twice
    assert [status for _user, status, _number in rows] == ["registered"] * 3 + ["waiting"] * (PEOPLE - 1)
    assert [number for _user, _status, number in rows] == list(range(1, PEOPLE + 3))  # arrival order, no gap


@pytest.mark.parametrize("repeat", REPEATS)
def test_fifty_people_signing_up_for_ten_seats_leave_ten_registered(index, repeat):
    event = make_event(index, capacity=10)
    learners = [make_learner() for _ in range(PEOPLE)]

    assert run_at_once(lambda i: services.registration_create(user=learners[i], event=event), threads=PEOPLE) == []

    registered = EventRegistration.objects.filter(event_key=event.translation_key, status=RegistrationStatus.REGISTERED)
    waiting = EventRegistration.objects.filter(event_key=event.translation_key, status=RegistrationStatus.WAITING)
    assert registered.count() == 10
    assert waiting.count() == PEOPLE - 10
    assert max(registered.values_list("number", flat=True)) < min(waiting.values_list("number", flat=True))


def test_one_learner_signing_up_from_16_tabs_at_once_has_one_place(index):
    event = make_event(index, capacity=5)
    learner = make_learner()
    outcomes = []

    def sign_up(i):
        try:
            services.registration_create(user=learner, event=event)
            outcomes.append("new")
        except services.AlreadyRegistered:
            outcomes.append("already")

    assert run_at_once(sign_up) == []
    assert sorted(outcomes) == ["already"] * 15 + ["new"]
    assert EventRegistration.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_ten_cancellations_at_once_move_the_next_ten_up_in_order_and_email_each_once(index, repeat):
    event = make_event(index, capacity=10)
    learners = [make_learner() for _ in range(25)]
    for learner in learners:
        services.registration_create(user=learner, event=event)
    mail.outbox.clear()

    assert run_at_once(lambda i: services.registration_cancel(user=learners[i], event=event), threads=10) == []

    registered = EventRegistration.objects.filter(event_key=event.translation_key, status=RegistrationStatus.REGISTERED)
    assert sorted(registered.values_list("user_id", flat=True)) == sorted(learner.pk for learner in learners[10:20])
    assert [
        row.user_id for row in EventRegistration.objects.filter(status=RegistrationStatus.WAITING).order_by("number")
    ] == [learner.pk for learner in learners[20:]]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(learner.email for learner in learners[10:20])
