"""News and programmes: the news index, news pages, the programme index and programme pages."""

import datetime

from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage, ProjectPage
from tests.builders.pages import publish
from tests.builders.unique import unique


def make_news_index(home, **fields):
    """A published news index under `home`."""
    index = NewsIndexPage(
        title=fields.pop("title", "News and insights"),
        slug=fields.pop("slug", f"news-{unique()}"),
        intro=fields.pop("intro", "What the federation says and does."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def _relations_set(page, relations: dict):
    for name, values in relations.items():
        if values:
            getattr(page, name).set(values)


def make_news(parent, *, title=None, topics=(), sectors=(), projects=(), live=True, **fields):
    """A news page under `parent` (a news index or a partner page), published unless live=False."""
    n = unique()
    news = NewsPage(
        title=title or f"News {n}",
        slug=fields.pop("slug", f"news-{n}"),
        kind=fields.pop("kind", "news"),
        summary=fields.pop("summary", "What happened and why it matters to small firms."),
        date=fields.pop("date", datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300)),
        body=fields.pop("body", [("paragraph", "<p>A short report for small businesses.</p>")]),
        **fields,
    )
    parent.add_child(instance=news)
    _relations_set(news, {"topics": topics, "sectors": sectors, "projects": projects})
    if not live:
        news.save_revision()
        news.live = False
        news.save(update_fields=["live"])
        return news
    return publish(news)


def make_project_index(home, **fields):
    """A published programme index under `home`."""
    index = ProjectIndexPage(
        title=fields.pop("title", "Programmes"),
        slug=fields.pop("slug", f"programmes-{unique()}"),
        intro=fields.pop("intro", "Country and regional programmes."),
        **fields,
    )
    home.add_child(instance=index)
    return publish(index)


def make_project(index, *, title=None, topics=(), partners=(), courses=(), resources=(), **fields):
    """A published programme under `index`."""
    n = unique()
    project = ProjectPage(
        title=title or f"Programme {n}",
        slug=fields.pop("slug", f"programme-{n}"),
        summary=fields.pop("summary", "Helping small firms grow."),
        status=fields.pop("status", "running"),
        start_date=fields.pop("start_date", datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 300)),
        **fields,
    )
    index.add_child(instance=project)
    _relations_set(project, {"topics": topics, "partners": partners, "courses": courses, "resources": resources})
    return publish(project)
