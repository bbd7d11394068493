"""Expressions of interest: who may answer, once; the poster's email; consent to share contacts; isolation."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accounts import services as account_services
from opportunities.models import Interest, InterestStatus, Status
from tests.builders import make_board, make_interest, make_learner, make_opportunity, signed_in_client
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home):
    return make_board(home)


@pytest.fixture
def poster():
    user = make_learner(email="poster@example.org", first_name="Awa", last_name="Sow")
    account_services.profile_update(user=user, data={"preferred_language": "fr"})
    return user


@pytest.fixture
def member():
    return make_learner(email="member@example.org", first_name="Kofi", last_name="Mensah")


def answer(client, board, opportunity, message="We grow organic cotton in Mali.", **extra):
    return client.post(f"{board.url}{opportunity.pk}/", {"action": "answer", "message": message, **extra})


def test_a_member_answers_and_the_poster_is_emailed_once_in_their_language(
    board, poster, member, django_capture_on_commit_callbacks
):
    opportunity = make_opportunity(poster=poster, title="Coton bio recherché")
    client = signed_in_client(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, board, opportunity, organisation="Mali Cotton Co")
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert (interest.member, interest.status, interest.organisation) == (member, InterestStatus.SENT, "Mali Cotton Co")
    assert [m.to for m in mail.outbox] == [["poster@example.org"]]
    assert "Coton bio recherché" in mail.outbox[0].subject
    assert "/fr/learning/opportunities/" in mail.outbox[0].body  # written in the poster's language
    assert "member@example.org" not in mail.outbox[0].body  # nothing about who until accepted
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, board, opportunity, message="Again")  # a replayed form
    assert Interest.objects.count() == 1 and len(mail.outbox) == 1
    assert Interest.objects.get().message == "We grow organic cotton in Mali."


def test_contacts_are_hidden_until_the_poster_accepts_then_both_see_and_get_them(
    board, poster, member, django_capture_on_commit_callbacks
):
    opportunity = make_opportunity(poster=poster, organisation="Atelier Sow")
    interest = make_interest(opportunity, member=member, organisation="Mali Cotton Co")
    poster_client, member_client = signed_in_client(poster), signed_in_client(member)
    assert "member@example.org" not in poster_client.get("/learning/opportunities/").content.decode()
    assert "poster@example.org" not in member_client.get("/learning/opportunities/").content.decode()
    board_html = (
        member_client.get(board.url).content.decode()
        + member_client.get(f"{board.url}{opportunity.pk}/").content.decode()
    )
    assert "poster@example.org" not in board_html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = poster_client.post(f"/learning/opportunities/answers/{interest.pk}/accept/")
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED
    poster_page = poster_client.get("/learning/opportunities/").content.decode()
    assert "member@example.org" in poster_page and "Kofi Mensah" in poster_page and "Mali Cotton Co" in poster_page
    member_page = member_client.get("/learning/opportunities/").content.decode()
    assert "poster@example.org" in member_page and "Awa Sow" in member_page and "Atelier Sow" in member_page
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "member@example.org" in by_address["poster@example.org"]
    assert "poster@example.org" in by_address["member@example.org"]
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        poster_client.post(f"/learning/opportunities/answers/{interest.pk}/accept/")  # a double tap
    assert len(mail.outbox) == 2


def test_nobody_answers_their_own_post(board, poster):
    opportunity = make_opportunity(poster=poster)
    response = answer(signed_in_client(poster), board, opportunity)
    assert response.status_code == 302
    assert not Interest.objects.exists()
    page = signed_in_client(poster).get(response["Location"]).content.decode()
    assert "This is your own opportunity" in page or "This is your opportunity" in page


@pytest.mark.parametrize("status", [Status.CLOSED, Status.REMOVED, Status.PENDING, Status.HIDDEN, Status.REJECTED])
def test_nobody_answers_a_post_that_is_not_open(board, member, status):
    opportunity = make_opportunity(status=status)
    response = answer(signed_in_client(member), board, opportunity)
    assert response.status_code in (302, 404)
    assert not Interest.objects.exists()


def test_nobody_answers_past_the_closing_date(board, member):
    opportunity = make_opportunity(closes_on=timezone.localdate() + datetime.timedelta(days=3))
    opportunity.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    opportunity.save(update_fields=["closes_on"])
    client = signed_in_client(member)
    response = answer(client, board, opportunity)
    assert "not open to answers" in client.get(response["Location"]).content.decode()
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "This field is required"),
        ("x" * 5000, "at most 1000 characters"),
        ("Hello \u2066world", "invisible text-direction characters"),
        ("Hello\x1bworld", "control or invisible characters"),
    ],
)
def test_bad_messages_get_a_clear_message_and_no_row(board, member, message, error):
    opportunity = make_opportunity()
    response = answer(signed_in_client(member), board, opportunity, message=message)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Interest.objects.exists()


def test_an_unknown_action_or_a_visitor_post_changes_nothing(client, board, member):
    opportunity = make_opportunity()
    assert client.post(f"{board.url}{opportunity.pk}/", {"action": "answer", "message": "Hi"}).status_code == 302
    assert signed_in_client(member).post(f"{board.url}{opportunity.pk}/", {"action": "delete"}).status_code == 302
    assert not Interest.objects.exists()


@override_settings(OPPORTUNITY_ANSWER_RATE_LIMIT="2/h")
def test_answering_is_rate_limited(board, member):
    client = signed_in_client(member)
    for _ in range(3):
        answer(client, board, make_opportunity())
    assert Interest.objects.filter(member=member).count() == 2


def test_another_members_answer_ids_are_404_and_their_answers_unseen(board, poster, member):
    opportunity = make_opportunity(poster=poster)
    interest = make_interest(opportunity, member=member, message="Private words for Awa only")
    stranger = signed_in_client(make_learner())
    assert stranger.post(f"/learning/opportunities/answers/{interest.pk}/accept/").status_code == 404
    assert signed_in_client(member).post(f"/learning/opportunities/answers/{interest.pk}/accept/").status_code == 404
    assert stranger.post(f"/learning/opportunities/{opportunity.pk}/close/").status_code == 404
    assert "Private words for Awa only" not in stranger.get("/learning/opportunities/").content.decode()
    assert "Private words for Awa only" not in stranger.get(f"{board.url}{opportunity.pk}/").content.decode()
    interest.refresh_from_db()
    assert interest.status == InterestStatus.SENT
    assert stranger.get(f"/learning/opportunities/answers/{interest.pk}/accept/").status_code == 405


def test_the_poster_closes_their_opportunity(board, poster, member):
    opportunity = make_opportunity(poster=poster)
    signed_in_client(poster).post(f"/learning/opportunities/{opportunity.pk}/close/")
    opportunity.refresh_from_db()
    assert opportunity.status == Status.CLOSED
    assert not answer(signed_in_client(member), board, opportunity).status_code == 500
    assert not Interest.objects.exists()


def test_my_opportunities_queries_do_not_grow(board, poster):
    client = signed_in_client(poster)
    first = make_opportunity(poster=poster)
    make_interest(first)
    accepted = make_interest(first)
    accepted.status = InterestStatus.ACCEPTED
    accepted.save()
    make_interest(make_opportunity(), member=poster)

    def grow():
        for _ in range(4):
            post = make_opportunity(poster=poster)
            for _ in range(3):
                interest = make_interest(post)
                interest.status = InterestStatus.ACCEPTED
                interest.save()
            make_interest(make_opportunity(), member=poster)

    assert_flat(client, "/learning/opportunities/", grow=grow, ceiling=10)
