"""The board's pages are valid HTML (W3C Nu checker, as tests/test_html_valid.py runs it), signed out and in."""

import pytest

from opportunities.models import InterestStatus, Status
from tests.builders import make_board, make_interest, make_learner, make_opportunity, signed_in_client
from tests.test_html_valid import _vnu

pytestmark = [pytest.mark.django_db, pytest.mark.html]


def test_board_pages_are_valid_html(client, home, tmp_path):
    board = make_board(home)
    poster = make_learner()
    post = make_opportunity(poster=poster, title="<Markup> & “quotes”", countries=["GH", "SN"], language="ar")
    make_opportunity(poster=poster, status=Status.PENDING)
    accepted = make_interest(post, message="Line one\nLine two")
    accepted.status = InterestStatus.ACCEPTED
    accepted.save()
    make_interest(post)
    make_interest(make_opportunity(), member=poster)
    member = signed_in_client(make_learner())
    owner = signed_in_client(poster)
    urls = [
        (client, board.url),
        (client, board.url + "?kind=bogus&q=cotton"),
        (client, f"{board.url}{post.pk}/"),
        (member, f"{board.url}{post.pk}/"),
        (member, f"{board.url}new/"),
        (owner, f"{board.url}{post.pk}/"),
        (owner, "/learning/opportunities/"),
    ]
    files = []
    for n, (who, url) in enumerate(urls):
        response = who.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(response.content)
        files.append(path)
    errors = [m for m in _vnu(files) if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "\n".join(f"{m.get('url')}: {m['message']} [{m.get('extract', '').strip()}]" for m in errors)
