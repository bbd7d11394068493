"""Moderation in the admin: the review queue (editors only), approve, reject with an email, edit, reports, blocks."""

import pytest
from django.core import mail

from accounts import services as account_services
from opportunities.models import MemberStanding, Opportunity, OpportunityReport, Status
from tests.builders import (
    make_board,
    make_editor,
    make_learner,
    make_opportunity,
    make_partner_index,
    onboard,
    signed_in_client,
)

pytestmark = pytest.mark.django_db

INDEX = "/admin/opportunity/"


@pytest.fixture
def board(home):
    return make_board(home)


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def review(client, opportunity, **data):
    return client.post(f"{INDEX}review/{opportunity.pk}/", {"message": "", **data})


def test_editors_see_the_queue_in_the_menu(editor_client, board):
    make_opportunity(title="Needs a look", status=Status.PENDING)
    assert INDEX in editor_client.get("/admin/").content.decode()
    response = editor_client.get(INDEX, {"status": "pending"})
    assert response.status_code == 200
    assert "Needs a look" in response.content.decode()


def test_partners_admins_and_members_never_see_the_queue(client, home, board):
    make_partner_index(home)
    opportunity = make_opportunity(status=Status.PENDING)
    _partner, partner_editor = onboard("Kilimo University", email="dean@kilimo.example")
    client.force_login(partner_editor)
    assert INDEX not in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code in (302, 403)
    assert review(client, opportunity, decision="approve").status_code in (302, 403)
    assert client.get(f"{INDEX}edit/{opportunity.pk}/").status_code in (302, 403)
    member = signed_in_client(make_learner())
    assert member.get(INDEX).status_code == 302
    assert review(member, opportunity, decision="approve").status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PENDING


def test_approve_puts_it_on_the_board(client, editor_client, board):
    opportunity = make_opportunity(title="Approved request", status=Status.PENDING)
    assert review(editor_client, opportunity, decision="approve").status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PUBLISHED and opportunity.published_at is not None
    assert "Approved request" in client.get(board.url).content.decode()


def test_reject_needs_a_message_and_emails_the_poster_once_in_their_language(
    editor_client, board, django_capture_on_commit_callbacks
):
    poster = make_learner(email="rejected@example.org")
    account_services.profile_update(user=poster, data={"preferred_language": "es"})
    opportunity = make_opportunity(poster=poster, title="Too vague", status=Status.PENDING)
    response = review(editor_client, opportunity, decision="reject")
    assert response.status_code == 200 and "Write the poster a message" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = review(editor_client, opportunity, decision="reject", message="Say which quantities you need.")
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Status.REJECTED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rejected@example.org"]
    assert "Say which quantities you need." in mail.outbox[0].body
    assert "/es/learning/opportunities/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        review(editor_client, opportunity, decision="reject", message="Again")
    assert len(mail.outbox) == 1
    assert "Say which quantities you need." in signed_in_client(poster).get("/learning/opportunities/").content.decode()


def test_editors_edit_the_text(editor_client, board):
    opportunity = make_opportunity(title="Tpyo in title", status=Status.PENDING)
    response = editor_client.get(f"{INDEX}edit/{opportunity.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(title="Typo in title", countries=[], closes_on="", sector="", topic="")
    response = editor_client.post(f"{INDEX}edit/{opportunity.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    opportunity.refresh_from_db()
    assert opportunity.title == "Typo in title"


def test_nobody_adds_or_deletes_in_the_admin(editor_client, board):
    opportunity = make_opportunity()
    assert editor_client.get(f"{INDEX}new/").status_code in (302, 403, 404)
    assert editor_client.post(f"{INDEX}delete/{opportunity.pk}/").status_code in (302, 403, 404)
    assert Opportunity.objects.filter(pk=opportunity.pk).exists()


def test_a_report_hides_a_post_until_an_editor_looks_and_approves_again(client, editor_client, board):
    opportunity = make_opportunity(title="Suspicious offer")
    reporter = make_learner()
    response = signed_in_client(reporter).post(
        f"{board.url}{opportunity.pk}/", {"action": "report", "reason": "Asks for money up front"}
    )
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Status.HIDDEN
    assert "Suspicious offer" not in client.get(board.url).content.decode()
    assert client.get(f"{board.url}{opportunity.pk}/").status_code == 404
    signed_in_client(reporter).post(f"{board.url}{opportunity.pk}/", {"action": "report", "reason": "again"})
    assert OpportunityReport.objects.count() == 1
    page = editor_client.get(f"{INDEX}review/{opportunity.pk}/").content.decode()
    assert "Asks for money up front" in page
    review(editor_client, opportunity, decision="approve")
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PUBLISHED
    assert not OpportunityReport.objects.exists()


def test_a_visitor_cannot_report_and_a_poster_cannot_report_their_own(client, board):
    poster = make_learner()
    opportunity = make_opportunity(poster=poster)
    client.post(f"{board.url}{opportunity.pk}/", {"action": "report"})
    signed_in_client(poster).post(f"{board.url}{opportunity.pk}/", {"action": "report"})
    opportunity.refresh_from_db()
    assert opportunity.status == Status.PUBLISHED and not OpportunityReport.objects.exists()


def test_remove_and_block_the_poster(editor_client, board):
    poster = make_learner()
    opportunity = make_opportunity(poster=poster, title="Spam")
    review(editor_client, opportunity, decision="remove", block_poster="on", message="Spam, three times")
    opportunity.refresh_from_db()
    assert opportunity.status == Status.REMOVED
    assert MemberStanding.objects.get(user=poster).posting_blocked
    response = signed_in_client(poster).get(f"{board.url}new/")
    assert "You can no longer post opportunities" in response.content.decode()
    # Unblocking is a tick in the blocked posters' list.
    standing = MemberStanding.objects.get(user=poster)
    assert editor_client.get("/admin/opportunity_standing/").status_code == 200
    response = editor_client.post(f"/admin/opportunity_standing/edit/{standing.pk}/", {"note": "Talked to them"})
    assert response.status_code == 302
    standing.refresh_from_db()
    assert not standing.posting_blocked
