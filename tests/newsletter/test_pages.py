"""The archive and an issue page: what a visitor reads, in their language, with a fixed number of queries."""

import datetime

import pytest

from tests.builders import make_course, make_issue, make_private, make_translation
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

# Measured when the guards were written: the archive counts and lists; an issue reads its items'
# pages (ids and translations, then one query per page type: two here).
ARCHIVE_QUERIES = 2
ISSUE_QUERIES = 4


def test_the_archive_lists_published_issues_newest_first(client, content):
    make_issue(content["archive"], title="October news", issue_date=datetime.date(2026, 10, 1))
    make_issue(content["archive"], title="December news", issue_date=datetime.date(2026, 12, 1))
    make_issue(content["archive"], title="Draft issue", live=False)
    html = client.get(content["archive"].url).content.decode()
    assert "Draft issue" not in html
    assert html.index("December news") < html.index("October news")
    assert "November news" in html


def test_an_issue_shows_its_editorial_and_items_with_their_summaries_and_links(client, content):
    response = client.get(content["issue"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welcome to our" in html
    assert "Pricing for profit" in html and "Set prices that pay the bills." in html
    assert f'href="{content["course"].url}"' in html
    assert "Cash-flow template" in html and "A month of cash in and out." in html
    assert html.index("Pricing for profit") < html.index("Cash-flow template")


def test_an_issue_leaves_out_draft_and_private_pages(client, content):
    draft = make_course(content["catalog"], title="Secret draft course", live=False)
    private = make_course(content["catalog"], title="Members-only costing")
    make_private(private)
    issue = make_issue(content["archive"], pages=[draft, private, content["course"]])
    html = client.get(issue.url).content.decode()
    assert "Secret draft course" not in html and "Members-only costing" not in html
    assert "Pricing for profit" in html


def test_a_note_replaces_the_summary(client, content):
    issue = content["issue"]
    issue.items = [("item", {"page": content["course"], "note": "Our most popular course this year."})]
    issue.save_revision().publish()
    html = client.get(issue.url).content.decode()
    assert "Our most popular course this year." in html and "Set prices that pay the bills." not in html


def test_a_translated_issue_points_to_translated_items_where_there_are_some(client, content):
    make_translation(content["home"], "fr")
    make_translation(content["catalog"], "fr")
    make_translation(content["course"], "fr", title="Fixer ses prix", summary="Des prix qui paient les factures.")
    make_translation(content["archive"], "fr", title="Lettre d'information")
    french = make_translation(content["issue"], "fr", title="Nouvelles de novembre")
    html = client.get(french.url).content.decode()
    assert "Nouvelles de novembre" in html
    assert "Fixer ses prix" in html and "/fr/" in french.url
    assert "Cash-flow template" in html  # not translated: the English resource stays


def test_junk_page_numbers_never_fail(client, content):
    for query in ("?page=abc", "?page=-1", "?page=99999999999999999999", "?page=%00"):
        assert client.get(content["archive"].url + query).status_code == 200


def test_archive_queries_do_not_grow_with_issues(client, content):
    def grow():
        for n in range(8):
            make_issue(content["archive"], title=f"Extra issue {n}", pages=[content["course"]])

    before, after = assert_flat(client, content["archive"].url, grow, ceiling=ARCHIVE_QUERIES)
    assert "Extra issue 3" in after and "Extra issue 3" not in before


def test_issue_queries_do_not_grow_with_items(client, content):
    issue = content["issue"]

    def grow():
        courses = [make_course(content["catalog"], title=f"More course {n}", lessons=1) for n in range(6)]
        issue.items = [
            ("item", {"page": page, "note": ""}) for page in [content["course"], content["resource"], *courses]
        ]
        issue.save_revision().publish()

    before, after = assert_flat(client, issue.url, grow, ceiling=ISSUE_QUERIES)
    assert "More course 5" in after and "More course 5" not in before
