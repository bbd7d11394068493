"""Query-count guards: a page runs no more queries with more content, and no more than its ceiling.

    before, after = assert_flat(client, catalog.url, grow=lambda: add_courses(45), ceiling=29)

The ceiling is the count measured when the guard was written: a change that adds a query
must raise it on purpose, a change that saves one should lower it.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.learner_cache import VERSION_PREFIX
from base.page_cache import GENERATION_KEY


def count_queries(client, url, *, data=None):
    """(queries, response) of one GET of `url`, or one POST of `data` to it; the answer must be 200 or 302."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code in (200, 302), f"{url} answered {response.status_code}"
    return len(context), response


def stored_pages_drop() -> None:
    """Forget the whole pages the anonymous and per-learner caches hold, and only them (fragments and routes stay).

    So that a visitor's next GET runs the view: the work a guard must count is the page's, not a hit's 0.
    """
    for stored in list(cache._cache):  # LocMemCache's ":1:<key>"; the generation shares the store in tests
        key = stored.split(":", 2)[2]
        if key.startswith("page-cache:") and key != GENERATION_KEY:
            cache.delete(key)
        elif key.startswith("learner-cache:") and not key.startswith(VERSION_PREFIX):
            cache.delete(key)


def page_queries(client, url):
    """(queries, HTML) of a GET of `url` after a first GET that makes image renditions and fills caches.

    A visitor's or learner's page is not served from the page caches: the count is the view's work,
    with the fragments, routes and outlines that every visitor shares already cached.
    """
    client.get(url)
    stored_pages_drop()
    queries, response = count_queries(client, url)
    assert response.get("X-Cache") != "hit", f"{url} was served from the page cache"
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return queries, response.content.decode()


def assert_flat(client, url, grow, ceiling):
    """GET `url`, call `grow()` to add content, GET it again: the same number of queries, at most `ceiling`.

    Returns the HTML before and after, so the test can show that the new content is on the page.
    """
    few, before = page_queries(client, url)
    grow()
    many, after = page_queries(client, url)
    print(f"\n[queries] {url}: {few} before, {many} after (ceiling {ceiling})")
    assert many == few, f"{url}: {few} queries, then {many} with more content"
    assert few <= ceiling, f"{url}: {few} queries, above its ceiling of {ceiling}"
    return before, after
