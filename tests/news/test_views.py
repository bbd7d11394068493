"""The news index, a news page, the feeds, and news in a partner's section, in search and the sitemap."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from tests.builders import make_news, make_news_index
from tests.builders.pages import make_private

pytestmark = pytest.mark.django_db


def test_index_lists_live_public_news_newest_first_from_the_index_and_partners(client, news_index, partner):
    make_news(news_index, title="Older forum report", date=datetime.date(2026, 1, 5))
    make_news(partner, title="Riverbend opens a lab", date=datetime.date(2026, 3, 1))
    make_news(news_index, title="A draft nobody sees", live=False)
    html = client.get(news_index.url).content.decode()
    assert "2 articles" in html
    assert html.index("Riverbend opens a lab") < html.index("Older forum report")
    assert "By Riverbend University" in html
    assert "A draft nobody sees" not in html


def test_restricted_news_is_not_listed(client, news_index):
    hidden = make_news(news_index, title="Members-only briefing")
    make_private(hidden)
    assert "Members-only briefing" not in client.get(news_index.url).content.decode()


def test_filters_by_type_topic_sector_and_country(client, news_index, terms):
    make_news(news_index, title="Export insight", kind="insight", topics=[terms["export"]], countries=["GE"])
    make_news(news_index, title="Finance press release", kind="press_release", topics=[terms["finance"]])
    make_news(news_index, title="Food news", sectors=[terms["food"]], countries=["TR"])
    for query, shown, hidden in (
        ("?kind=insight", "Export insight", "Finance press release"),
        ("?topic=finance", "Finance press release", "Export insight"),
        ("?sector=food", "Food news", "Export insight"),
        ("?country=GE", "Export insight", "Food news"),
        ("?country=TR&sector=food", "Food news", "Finance press release"),
    ):
        html = client.get(news_index.url + query).content.decode()
        assert shown in html and hidden not in html, query
    html = client.get(news_index.url + "?kind=insight").content.decode()
    assert "1 article" in html and "Insight (1)" in html


@pytest.mark.parametrize(
    "query",
    [
        "?kind=gossip",
        "?topic=nope&sector=%00",
        "?country=XX",
        "?page=abc",
        "?page=-1",
        "?page=99999999999999999999",
        "?topic=" + "a" * 5000,
        "?country=%E2%80%AE",
    ],
)
def test_junk_filters_are_dropped_with_a_message_never_a_500(client, news_index, query):
    make_news(news_index, title="Still listed")
    response = client.get(news_index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Still listed" in html
    if "page=" not in query:
        assert "we don't recognise" in html or "we don&#x27;t recognise" in html


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client, news_index):
    for i in range(13):
        make_news(news_index, title=f"Item {i:02d}")
    html = client.get(news_index.url + "?page=7").content.decode()
    assert "showing the last page" in html
    assert "Page 2 of 2" in html
    assert html.count('class="card resource-card news-card"') == 1


def test_news_page_shows_facts_cross_post_and_related_news_by_topic(client, news_index, terms, project):
    news = make_news(
        news_index,
        title="Cross-border e-commerce: what SMEs need",
        kind="insight",
        author="Amina Diallo",
        topics=[terms["export"]],
        countries=["CN", "TR"],
        projects=[project],
        original_name="The Trade Journal",
        original_url="https://trade.example/ecommerce",
    )
    make_news(news_index, title="Export related one", topics=[terms["export"]])
    make_news(news_index, title="Finance unrelated", topics=[terms["finance"]])
    html = client.get(news.url).content.decode()
    assert "Amina Diallo" in html and "Insight" in html
    assert "China" in html and "Turkey" in html or "Türkiye" in html
    assert (
        'Originally published in <a href="https://trade.example/ecommerce" rel="noopener">The Trade Journal</a>' in html
    )
    assert "Related news" in html and "Export related one" in html
    assert "Finance unrelated" not in html
    assert "Georgia SME programme" in html


def test_partner_news_is_on_the_partners_page(client, news_index, partner):
    make_news(partner, title="Riverbend spring school")
    html = client.get(partner.url).content.decode()
    assert "News from Riverbend University" in html and "Riverbend spring school" in html


def test_project_page_lists_the_news_that_names_it(client, news_index, project):
    make_news(news_index, title="Georgia programme opens", projects=[project])
    make_news(news_index, title="Unrelated news")
    html = client.get(project.url).content.decode()
    assert "Georgia programme opens" in html and "Unrelated news" not in html


def _feed_titles(body: bytes) -> list[str]:
    root = ElementTree.fromstring(body)
    return [element.text for element in root.iter() if element.tag.endswith("title")]


def test_rss_and_atom_feeds_list_newest_news(client, news_index, partner, terms):
    make_news(news_index, title="Feed item one", kind="insight", topics=[terms["export"]])
    make_news(partner, title="Feed item two")
    make_news(news_index, title="Feed draft", live=False)
    rss = client.get(reverse("news:feed_rss", args=[news_index.pk]))
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    titles = _feed_titles(rss.content)
    assert "Feed item one" in titles and "Feed item two" in titles and "Feed draft" not in titles
    atom = client.get(reverse("news:feed_atom", args=[news_index.pk]) + "?kind=insight&topic=export")
    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    titles = _feed_titles(atom.content)
    assert "Feed item one" in titles and "Feed item two" not in titles
    html = client.get(news_index.url).content.decode()
    assert reverse("news:feed_rss", args=[news_index.pk]) in html


@pytest.mark.parametrize("query", ["?kind=gossip", "?topic=%00", "?country=ZZ&sector=x"])
def test_feed_with_junk_filters_answers_400_with_a_message(client, news_index, query):
    response = client.get(reverse("news:feed_rss", args=[news_index.pk]) + query)
    assert response.status_code == 400
    assert "recognise" in response.content.decode()


def test_feed_of_no_index_or_a_draft_index_is_404(client, home, news_index):
    draft = make_news_index(home, slug="draft-news")
    draft.unpublish()
    for url in (
        reverse("news:feed_rss", args=[draft.pk]),
        reverse("news:feed_atom", args=[999999]),
        "/news/99999999999999999999/feed/rss/",
        "/news/abc/feed/rss/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("news:feed_rss", args=[news_index.pk]) + "?page=x&utm_source=y").status_code == 200


def test_news_is_found_by_site_search_and_listed_in_the_sitemap(client, news_index):
    news = make_news(news_index, title="Zanzibar spice exporters meet", summary="A forum of spice growers.")
    html = client.get(reverse("search:search") + "?q=zanzibar").content.decode()
    assert "Zanzibar spice exporters meet" in html and "News" in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert news.url in sitemap or news.full_url in sitemap


def test_partner_may_add_news_under_their_page_only(partner, news_index):
    from news.models import NewsPage

    assert NewsPage in partner.specific_class.allowed_subpage_models()
    assert NewsPage.can_exist_under(partner)


def test_publishing_a_partners_news_purges_the_news_index_and_the_partner_page(news_index, partner, settings):
    from base.cdn import cdn_page_urls

    settings.WAGTAILFRONTENDCACHE = {"http": {"BACKEND": "base.cdn.TimeoutHTTPBackend", "LOCATION": "http://cdn"}}
    news = make_news(partner, title="Riverbend news")
    urls = cdn_page_urls(news)
    assert any(url.endswith(news.url) for url in urls)
    assert any(url.endswith(news_index.url) for url in urls)
    assert any(url.endswith(partner.url) for url in urls)


def test_publishing_a_programme_purges_the_programme_index(project):
    from base.cdn import cdn_page_urls

    index = project.get_parent()
    assert any(url.endswith(index.url) for url in cdn_page_urls(project))
