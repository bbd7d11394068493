"""Posting an offer or a request: who may, replayed forms, rate limits, and bad input (never a 500, no stray rows)."""

import uuid

import pytest
from django.test import override_settings

from opportunities.models import MemberStanding, Opportunity, Status
from tests.builders import make_board, make_learner, make_opportunity, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home):
    return make_board(home)


def form_data(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "direction": "request",
        "kind": "supplier",
        "title": "Organic cotton wanted",
        "description": "A small workshop in Dakar looks for 200 kg of organic cotton each month.",
        "organisation": "Atelier Ndiaye",
        "countries": ["SN", "ML"],
        "partner_sought": "sme",
        "language": "en",
    }
    data.update(overrides)
    return data


def test_a_verified_member_posts_a_request_that_waits_for_review(board):
    member = make_learner()
    client = signed_in_client(member)
    response = client.post(f"{board.url}new/", form_data())
    assert response.status_code == 302
    assert response["Location"] == "/learning/opportunities/"
    opportunity = Opportunity.objects.get()
    assert (opportunity.poster, opportunity.status, opportunity.title) == (
        member,
        Status.PENDING,
        "Organic cotton wanted",
    )
    assert sorted(country.code for country in opportunity.countries) == ["ML", "SN"]
    assert "Organic cotton wanted" not in signed_in_client(make_learner()).get(board.url).content.decode()
    assert "Waiting for review" in client.get("/learning/opportunities/").content.decode()


def test_a_visitor_is_sent_to_sign_in(client, board):
    response = client.get(f"{board.url}new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(f"{board.url}new/", form_data()).status_code == 302
    assert not Opportunity.objects.exists()


def test_an_unverified_member_is_told_to_verify_and_posts_nothing(board):
    client = signed_in_client(make_learner(verified=False))
    assert "Verify your email address" in client.get(f"{board.url}new/").content.decode()
    response = client.post(f"{board.url}new/", form_data())
    assert response.status_code == 200
    assert not Opportunity.objects.exists()


def test_a_blocked_member_cannot_post(board):
    member = make_learner()
    MemberStanding.objects.create(user=member, posting_blocked=True)
    response = signed_in_client(member).post(f"{board.url}new/", form_data())
    assert "You can no longer post opportunities" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_a_replayed_form_posts_once(board):
    client = signed_in_client(make_learner())
    data = form_data()
    client.post(f"{board.url}new/", data)
    client.post(f"{board.url}new/", data)
    assert Opportunity.objects.count() == 1


@override_settings(OPPORTUNITY_POST_RATE_LIMIT="2/h")
def test_posting_is_rate_limited(board):
    client = signed_in_client(make_learner())
    for _ in range(2):
        client.post(f"{board.url}new/", form_data())
    response = client.post(f"{board.url}new/", form_data())
    assert response.status_code == 200
    assert "too many in a short time" in response.content.decode()
    assert Opportunity.objects.count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "Cotton \u202eetirw", "invisible text-direction characters"),
        ("description", "Cotton\x00 and\x07 bells", "control or invisible characters"),
        ("description", "x" * 20_000, "at most 3000 characters"),
        ("title", "", "This field is required"),
        ("kind", "bogus", "Select a valid choice"),
        ("countries", ["XX"], "Select a valid choice"),
        ("closes_on", "2001-01-01", "The closing date is in the past"),
        ("closes_on", "not a date", "Enter a valid date"),
        ("sector", "999999", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_message_and_no_row(board, field, value, message):
    response = signed_in_client(make_learner()).post(f"{board.url}new/", form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Opportunity.objects.exists()


def test_a_tampered_submission_key_is_refused_not_a_500(board):
    response = signed_in_client(make_learner()).post(f"{board.url}new/", form_data(submission_key="1; DROP TABLE"))
    assert response.status_code == 200
    assert not Opportunity.objects.exists()


def test_markup_and_javascript_links_are_shown_as_text_never_as_links(client, board):
    opportunity = make_opportunity(
        title="<b>Bold</b> offer",
        description='<script>alert(1)</script> see <a href="javascript:alert(2)">here</a> or javascript:alert(3)',
    )
    html = client.get(f"{board.url}{opportunity.pk}/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "&lt;b&gt;Bold&lt;/b&gt; offer" in main
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main
    assert 'href="javascript:' not in main
    assert "<script>alert" not in html


def test_a_huge_body_is_refused_without_a_500_or_a_row(board):
    client = signed_in_client(make_learner())
    response = client.post(f"{board.url}new/", form_data(description="x" * 3_000_000))
    assert response.status_code in (200, 400, 413)
    assert not Opportunity.objects.exists()
