"""hreflang alternates in the head of public pages, with x-default, in a fixed number of queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import make_learner, make_private, make_standard_page, make_translation, publish
from tests.queries import assert_flat, page_queries, stored_pages_drop

LANGUAGES = ("es", "ru", "zh-hans", "tr", "ka")


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_page_lists_its_live_translations_and_x_default(client, site, about_fr):
    make_translation(site["home"], "zh-hans", title="首页")
    make_translation(site["about"], "zh-hans", title="关于我们", slug="guanyu")
    expected = {
        "en": "http://localhost/about/",
        "fr": "http://localhost/fr/a-propos/",
        "zh-Hans": "http://localhost/zh-hans/guanyu/",
        "x-default": "http://localhost/about/",
    }
    assert _alternates(client.get("/about/").content.decode()) == expected
    assert _alternates(client.get("/fr/a-propos/").content.decode()) == expected


def test_drafts_are_not_alternates(client, site):
    make_translation(site["about"], "fr", title="À propos", slug="a-propos", live=False)
    assert set(_alternates(client.get("/about/").content.decode())) == {"en", "x-default"}


def test_a_page_that_is_not_public_has_no_alternates(client, site, about_fr):
    make_private(site["about"])
    client.force_login(make_learner())
    html = client.get("/about/").content.decode()
    assert "About us" in html and _alternates(html) == {}


def test_the_alternates_cost_the_same_queries_with_eight_languages_as_with_two(client, site, about_fr, settings):
    settings.PAGE_CACHE_SECONDS = 0  # count the view's queries, not a cache hit

    def translate_everywhere():
        for code in LANGUAGES:
            make_translation(site["home"], code)
            make_translation(site["about"], code, slug=f"about-{code}")
        make_translation(site["about"], "ar", slug="about-ar")

    # 13 measured with the page cache off (issue 16), on SQLite and PostgreSQL
    before, after = assert_flat(client, "/about/", grow=translate_everywhere, ceiling=13)
    assert len(_alternates(before)) == 3 and len(_alternates(after)) == 9


def test_a_new_page_under_a_translated_home_gets_alternates_only_once_translated(client, site):
    page = make_standard_page(site["home"], title="Contact", slug="contact")
    assert set(_alternates(client.get("/contact/").content.decode())) == {"en", "x-default"}
    make_translation(page, "ar", slug="ittisal")
    assert _alternates(client.get("/contact/").content.decode())["ar"] == "http://localhost/ar/ittisal/"


def test_a_page_rendered_again_reads_its_alternates_from_the_cache(client, site, about_fr):
    """The whole page is not in the page cache, its alternates are: no query asks for its translations."""
    client.get("/about/")
    stored_pages_drop()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/about/").content.decode()
    assert set(_alternates(html)) == {"en", "fr", "x-default"}
    assert [query["sql"] for query in queries.captured_queries if '"translation_key" =' in query["sql"]] == []


def test_a_translation_published_after_the_alternates_were_cached_joins_them(client, site):
    draft = make_translation(site["about"], "fr", title="À propos", slug="a-propos", live=False)
    _, before = page_queries(client, "/about/")
    assert set(_alternates(before)) == {"en", "x-default"}
    publish(draft)
    _, after = page_queries(client, "/about/")
    assert _alternates(after)["fr"] == "http://localhost/fr/a-propos/"
