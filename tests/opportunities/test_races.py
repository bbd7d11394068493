"""Double taps and parallel tabs on the board: 16 threads at once, on SQLite and PostgreSQL alike."""

import uuid

import pytest
from django.core import mail

from opportunities import services
from opportunities.models import Interest, InterestStatus, Opportunity
from tests.builders import make_learner, make_opportunity
from tests.threads import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)
REPEATS = range(2)


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_same_answer_from_16_threads_makes_one_row_and_one_email(repeat):
    opportunity = make_opportunity()
    member = make_learner()
    mail.outbox.clear()
    errors = run_at_once(lambda i: services.interest_send(opportunity=opportunity, member=member, message=f"Hello {i}"))
    assert errors == []
    assert Interest.objects.filter(member=member).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_same_post_from_16_threads_makes_one_row(repeat):
    poster = make_learner()
    key = uuid.uuid4()
    data = {
        "direction": "offer",
        "kind": "mentoring_offered",
        "title": "Mentoring",
        "description": "Ten years of retail.",
    }
    errors = run_at_once(lambda i: services.opportunity_create(poster=poster, submission_key=key, data=data))
    assert errors == []
    assert Opportunity.objects.filter(poster=poster).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_accepting_from_16_threads_shares_contacts_once(repeat):
    opportunity = make_opportunity()
    interest = services.interest_send(opportunity=opportunity, member=make_learner(), message="Hi")
    mail.outbox.clear()
    errors = run_at_once(lambda i: services.interest_accept(interest=interest, by=opportunity.poster))
    assert errors == []
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    assert len(mail.outbox) == 2  # one to each side
