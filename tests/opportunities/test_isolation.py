"""Isolation on the board: answers are seen only by their two sides and editors; ids of others' rows are 404.

Each cell is a URL family for member A's rows, tried by a stranger, the other side, a partner's admin
and a visitor; the database is unchanged afterwards. The control: the owner (or an editor) reads the
same cells, so a cell that always answers 404 cannot pass silently.
"""

import pytest

from opportunities.models import Interest, InterestStatus, Opportunity, Status
from tests.builders import (
    make_board,
    make_editor,
    make_interest,
    make_learner,
    make_opportunity,
    make_partner_index,
    onboard,
    signed_in_client,
)

pytestmark = pytest.mark.django_db

SECRET = "A private answer about prices"


@pytest.fixture
def world(home):
    board = make_board(home)
    make_partner_index(home)
    poster, answerer = make_learner(), make_learner()
    post = make_opportunity(poster=poster, title="Open request")
    pending = make_opportunity(poster=poster, title="Pending draft", status=Status.PENDING)
    interest = make_interest(post, member=answerer, message=SECRET)
    _partner, partner_admin = onboard("Kilimo University", email="dean@kilimo.example")
    return {
        "board": board,
        "poster": poster,
        "answerer": answerer,
        "post": post,
        "pending": pending,
        "interest": interest,
        "partner_admin": partner_admin,
    }


def snapshot():
    return (
        list(Opportunity.objects.order_by("pk").values_list("pk", "status", "title")),
        list(Interest.objects.order_by("pk").values_list("pk", "status", "message")),
    )


def cells(world):
    board, post, pending, interest = world["board"], world["post"], world["pending"], world["interest"]
    return {
        "pending page": ("get", f"{board.url}{pending.pk}/"),
        "accept": ("post", f"/learning/opportunities/answers/{interest.pk}/accept/"),
        "close": ("post", f"/learning/opportunities/{post.pk}/close/"),
        "admin review": ("get", f"/admin/opportunity/review/{post.pk}/"),
        "admin edit": ("get", f"/admin/opportunity/edit/{post.pk}/"),
        "admin decide": ("post", f"/admin/opportunity/review/{pending.pk}/"),
    }


@pytest.mark.parametrize("who", ["stranger", "answerer", "partner_admin", "visitor"])
def test_nobody_else_reaches_a_members_rows(client, world, who):
    if who == "stranger":
        client = signed_in_client(make_learner())
    elif who != "visitor":
        client.force_login(world[who])
    before = snapshot()
    for name, (method, url) in cells(world).items():
        response = getattr(client, method)(url, {"decision": "approve"} if method == "post" else None)
        assert response.status_code in (302, 403, 404, 405), f"{who} {name}: {response.status_code}"
        if response.status_code == 302:  # to sign in (visitors), or the admin's refusal back to its home
            assert "/accounts/login/" in response["Location"] or response["Location"].rstrip("/").endswith("/admin")
        assert SECRET not in response.content.decode(), f"{who} {name} shows the answer"
    assert snapshot() == before
    page = client.get("/learning/opportunities/").content.decode() if who != "visitor" else ""
    if who != "answerer":
        assert SECRET not in page


def test_owners_and_editors_read_the_same_cells(client, world):
    poster = signed_in_client(world["poster"])
    assert poster.get(cells(world)["pending page"][1]).status_code == 200
    assert SECRET in poster.get("/learning/opportunities/").content.decode()
    assert SECRET in signed_in_client(world["answerer"]).get("/learning/opportunities/").content.decode()
    client.force_login(make_editor())
    assert client.get(cells(world)["admin review"][1]).status_code == 200
    assert client.get(cells(world)["admin edit"][1]).status_code == 200
    assert poster.post(cells(world)["accept"][1]).status_code == 302
    world["interest"].refresh_from_db()
    assert world["interest"].status == InterestStatus.ACCEPTED
