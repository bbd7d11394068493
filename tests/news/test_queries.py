"""The news index and a news page run no more queries with more news, and no more than their ceiling."""

import pytest

from tests.builders import make_image, make_news
from tests.queries import assert_flat, page_queries

pytestmark = pytest.mark.django_db

INDEX_QUERIES = 4  # issue 18: facets and partners cached
NEWS_QUERIES = 7  # issue 18: related cards with their images and topics


def add_news(index, count, terms, partner=None, project=None):
    for i in range(count):
        make_news(
            partner if (partner and i % 2) else index,
            title=f"Forum report {i}",
            topics=[terms["export"]],
            sectors=[terms["food"]],
            countries=["GE", "TR"],
            projects=[project] if project else (),
            image=make_image() if i % 3 == 0 else None,
        )


def test_news_index_queries_do_not_grow_with_news(client, news_index, terms, partner):
    add_news(news_index, 4, terms, partner)
    before, after = assert_flat(
        client, news_index.url, lambda: add_news(news_index, 20, terms, partner), ceiling=INDEX_QUERIES
    )
    assert before.count('class="card resource-card news-card"') == 4 and "Export (4)" in before
    assert after.count('class="card resource-card news-card"') == 12 and "Export (24)" in after
    few, _ = page_queries(client, news_index.url)
    filtered, _ = page_queries(client, news_index.url + "?topic=export&country=GE&kind=news&page=2")
    assert filtered == few


def test_news_page_queries_do_not_grow_with_related_news(client, news_index, terms, project):
    news = make_news(news_index, topics=[terms["export"]], projects=[project])
    add_news(news_index, 1, terms)  # one related card already: images and topics are prefetched from then on
    _, after = assert_flat(
        client, news.url, lambda: add_news(news_index, 10, terms, project=project), ceiling=NEWS_QUERIES
    )
    assert after.count('class="card resource-card news-card"') == 3


def test_project_page_queries_do_not_grow_with_its_news(client, news_index, terms, project):
    from tests.projects.test_queries import PROJECT_QUERIES

    make_news(news_index, projects=[project], image=make_image())
    _, after = assert_flat(
        client, project.url, lambda: add_news(news_index, 10, terms, project=project), ceiling=PROJECT_QUERIES
    )
    assert after.count('class="card resource-card news-card"') == 6
