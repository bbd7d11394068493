"""A member's posts, answers and reports: in their personal-data download, gone when they delete their account."""

import json

import pytest
from django.urls import reverse

from accounts import services as account_services
from opportunities.models import Interest, Opportunity, OpportunityReport
from opportunities.services import opportunity_report
from tests.builders import make_board, make_interest, make_learner, make_opportunity, signed_in_client

pytestmark = pytest.mark.django_db


def download(user) -> dict:
    response = signed_in_client(user).post(reverse("accounts:export"))
    assert response.status_code == 200
    return json.loads(response.content)["opportunities"]


def test_the_download_holds_what_the_member_posted_answered_and_reported(home):
    make_board(home)
    member, other = make_learner(), make_learner()
    make_opportunity(poster=member, title="My request", countries=["KE"])
    theirs = make_opportunity(poster=other, title="Their offer")
    make_interest(theirs, member=member, message="My answer to them")
    opportunity_report(
        opportunity=make_opportunity(poster=other, title="Reported post"), reporter=member, reason="Spam"
    )
    make_interest(make_opportunity(poster=other, title="Someone else's"), message="Not mine")

    data = download(member)
    assert [(p["title"], p["countries"]) for p in data["posted"]] == [("My request", ["KE"])]
    assert [(a["opportunity"], a["message"]) for a in data["answered"]] == [("Their offer", "My answer to them")]
    assert [(r["opportunity"], r["reason"]) for r in data["reported"]] == [("Reported post", "Spam")]
    assert "Not mine" not in json.dumps(data)


def test_deleting_the_account_removes_posts_answers_and_reports(home):
    make_board(home)
    member, other = make_learner(), make_learner()
    mine = make_opportunity(poster=member, title="Mine")
    make_interest(mine, member=other)
    theirs = make_opportunity(poster=other, title="Theirs")
    make_interest(theirs, member=member)
    opportunity_report(opportunity=make_opportunity(poster=other), reporter=member)

    account_services.account_delete(user=member)

    assert not Opportunity.objects.filter(poster=member).exists()
    assert not Interest.objects.filter(member=member).exists()
    assert not OpportunityReport.objects.filter(reporter=member).exists()
    assert Opportunity.objects.filter(pk=theirs.pk).exists()  # the other member's post stays
    assert not Interest.objects.filter(opportunity_id=mine.pk).exists()
