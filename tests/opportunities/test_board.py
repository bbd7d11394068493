"""The board: what the public sees, filters, search, closing dates, pages, feeds, sitemap, query guard."""

import datetime

import pytest
from django.utils import timezone

from opportunities.models import Status
from opportunities.services import opportunities_close_past
from taxonomy.models import Sector
from tests.builders import make_board, make_learner, make_opportunity, signed_in_client
from tests.builders.taxonomy import make_term
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home):
    return make_board(home)


def test_the_board_lists_published_and_closed_opportunities_only(client, board):
    make_opportunity(title="Shea butter supplier wanted")
    make_opportunity(title="Old tender", status=Status.CLOSED)
    make_opportunity(title="Waiting for editors", status=Status.PENDING)
    make_opportunity(title="Refused one", status=Status.REJECTED)
    make_opportunity(title="Reported one", status=Status.HIDDEN)
    make_opportunity(title="Removed one", status=Status.REMOVED)
    html = client.get(board.url).content.decode()
    assert "Shea butter supplier wanted" in html
    assert "Old tender" in html
    for hidden in ("Waiting for editors", "Refused one", "Reported one", "Removed one"):
        assert hidden not in html


def test_nobody_but_the_poster_opens_a_pending_opportunity(client, board):
    poster = make_learner()
    pending = make_opportunity(poster=poster, title="Not yet reviewed", status=Status.PENDING)
    url = f"{board.url}{pending.pk}/"
    assert client.get(url).status_code == 404
    assert signed_in_client(make_learner()).get(url).status_code == 404
    response = signed_in_client(poster).get(url)
    assert response.status_code == 200
    assert "Only you can see this page" in response.content.decode()


def test_filters_by_kind_direction_sector_country_and_search(client, board):
    textiles = make_term(Sector, "Textiles")
    make_opportunity(title="Weavers in Ghana", kind="export", direction="offer", countries=["GH"], sector=textiles)
    make_opportunity(title="Mentor for bakers", kind="mentoring_sought", countries=["SN"])
    assert "Weavers in Ghana" in client.get(board.url, {"kind": "export"}).content.decode()
    assert "Mentor for bakers" not in client.get(board.url, {"kind": "export"}).content.decode()
    assert "Mentor for bakers" not in client.get(board.url, {"direction": "offer"}).content.decode()
    html = client.get(board.url, {"sector": "textiles"}).content.decode()
    assert "Weavers in Ghana" in html and "Mentor for bakers" not in html
    html = client.get(board.url, {"country": "SN"}).content.decode()
    assert "Mentor for bakers" in html and "Weavers in Ghana" not in html
    html = client.get(board.url, {"q": "bakers"}).content.decode()
    assert "Mentor for bakers" in html and "Weavers in Ghana" not in html


def test_unknown_filter_values_are_dropped_with_a_message_never_a_500(client, board):
    make_opportunity(title="Still listed")
    response = client.get(board.url, {"kind": "<script>", "country": "XX", "page": "abc", "q": "a\u202eb"})
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "“Kind” had a value we don" in main and "“Country” had a value we don" in main
    assert "“Search” had a value we don" in main  # the right-to-left override
    assert "<script>" not in main
    assert "Still listed" in main


def test_an_opportunity_closes_itself_on_its_date(client, board):
    today = timezone.localdate()
    past = make_opportunity(title="Deadline passed", closes_on=today + datetime.timedelta(days=1))
    past.closes_on = today - datetime.timedelta(days=1)  # the day went by since it was posted
    past.save(update_fields=["closes_on"])
    make_opportunity(title="Still running", closes_on=today)
    open_html = client.get(board.url, {"state": "open"}).content.decode()
    assert "Still running" in open_html and "Deadline passed" not in open_html
    closed_html = client.get(board.url, {"state": "closed"}).content.decode()
    assert "Deadline passed" in closed_html and "Still running" not in closed_html
    detail = client.get(f"{board.url}{past.pk}/").content.decode()
    assert "This opportunity is closed" in detail
    # The daily task then makes the status say so too.
    assert opportunities_close_past() == 1
    past.refresh_from_db()
    assert past.status == Status.CLOSED
    assert opportunities_close_past() == 0


def test_pages_of_twelve_and_a_page_past_the_end_shows_the_last(client, board):
    for n in range(14):
        make_opportunity(title=f"Numbered {n:02d}")
    html = client.get(board.url).content.decode()
    assert "14 opportunities" in html
    assert html.count('class="card opportunity-card"') == 12
    last = client.get(board.url, {"page": "9"}).content.decode()
    assert last.count('class="card opportunity-card"') == 2
    assert "showing the last page" in last


def test_rss_and_atom_feeds_list_open_opportunities(client, board):
    make_opportunity(title="In the feed")
    make_opportunity(title="Not in the feed", status=Status.PENDING)
    make_opportunity(title="Closed, not in the feed", status=Status.CLOSED)
    for kind in ("rss", "atom"):
        response = client.get(f"{board.url}feed/{kind}/")
        assert response.status_code == 200
        body = response.content.decode()
        assert "In the feed" in body and "Not in the feed" not in body and "Closed, not" not in body


def test_the_sitemap_lists_each_published_opportunity(client, board):
    shown = make_opportunity(title="Mapped")
    hidden = make_opportunity(title="Unmapped", status=Status.PENDING)
    body = client.get("/sitemap.xml").content.decode()
    assert f"{board.url}{shown.pk}/" in body
    assert f"{board.url}{hidden.pk}/" not in body


def test_board_queries_do_not_grow_with_opportunities(client, board):
    textiles = make_term(Sector, "Textiles")
    make_opportunity(sector=textiles, countries=["GH"])
    assert_flat(
        client,
        board.url,
        grow=lambda: [make_opportunity(sector=textiles, countries=["GH", "SN"]) for _ in range(10)],
        ceiling=10,
    )
