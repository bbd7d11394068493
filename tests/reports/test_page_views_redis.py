"""Page views counted in Redis (REDIS_URL): one tally for every process, written once (issue 16).

Runs against a real redis-server of its own (the fixture of tests/scale), nothing mocked.
"""

import time
import uuid

import pytest
import redis
from django.db import connection
from django.utils import timezone

from reports.models import PageViewDay
from reports.page_views import PENDING_KEY, page_view_flush, page_view_note, page_view_pending
from tests.scale.conftest import redis_url  # noqa: F401 (the fixture: a redis-server of our own)
from tests.threads import THREADS, run_at_once


@pytest.fixture(autouse=True)
def redis_cache(settings, redis_url):  # noqa: F811
    """The default cache on Redis, emptied; batching on, with a flush never due by itself."""
    redis.Redis.from_url(redis_url).flushdb()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
        "generation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.PAGE_VIEW_FLUSH_SECONDS = 3600
    server = redis.Redis.from_url(redis_url)
    server.set(":1:page-views:flush-lock", "1", ex=3600)  # as if another process had just flushed
    yield server
    server.flushdb()


def views_of(key) -> int:
    return sum(PageViewDay.objects.filter(page_key=key).values_list("views", flat=True))


def tally_in_redis(server) -> int:
    """What every process sees: the pending views as Redis holds them."""
    return sum(int(views) for views in server.hvals(f":1:{PENDING_KEY}"))


@pytest.mark.django_db
def test_views_are_counted_in_redis_and_written_once_by_a_flush(redis_cache):
    key, today = uuid.uuid4(), timezone.localdate()
    for _ in range(3):
        page_view_note(page_key=key, kind="course", day=today)

    assert tally_in_redis(redis_cache) == 3 == page_view_pending()
    assert PageViewDay.objects.count() == 0

    assert page_view_flush() == 3
    assert page_view_flush() == 0
    row = PageViewDay.objects.get()
    assert (row.page_key, row.kind, row.day, row.views) == (key, "course", today, 3)
    assert tally_in_redis(redis_cache) == 0 and redis_cache.keys("*page-views:batch:*") == []


@pytest.mark.django_db(transaction=True)
def test_views_counted_from_sixteen_threads_are_all_written_once(redis_cache):
    key, today = uuid.uuid4(), timezone.localdate()

    def count(_i):
        for _ in range(50):
            page_view_note(page_key=key, kind="course", day=today)

    assert run_at_once(count) == []
    assert tally_in_redis(redis_cache) == THREADS * 50
    assert page_view_flush() == THREADS * 50
    assert views_of(key) == THREADS * 50


@pytest.mark.django_db(transaction=True)
def test_sixteen_racing_flushes_neither_lose_nor_repeat_a_view(redis_cache):
    keys, today = [uuid.uuid4(), uuid.uuid4()], timezone.localdate()

    def count_and_flush(i):
        for _ in range(10):
            page_view_note(page_key=keys[i % 2], kind="resource", day=today)
        page_view_flush()

    assert run_at_once(count_and_flush) == []
    page_view_flush()

    assert views_of(keys[0]) == views_of(keys[1]) == THREADS * 5
    assert tally_in_redis(redis_cache) == 0


@pytest.mark.django_db(transaction=True)  # a flush waits for the end of a transaction; a test runs in one
def test_one_flush_per_period_across_processes(settings, redis_cache):
    key, today = uuid.uuid4(), timezone.localdate()
    settings.PAGE_VIEW_FLUSH_SECONDS = 1
    redis_cache.delete(":1:page-views:flush-lock")

    page_view_note(page_key=key, kind="course", day=today)  # takes the lock: writes at once
    page_view_note(page_key=key, kind="course", day=today)  # within the second: held in Redis
    assert views_of(key) == 1 and tally_in_redis(redis_cache) == 1

    time.sleep(1.1)
    page_view_note(page_key=key, kind="course", day=today)

    assert views_of(key) == 3 and tally_in_redis(redis_cache) == 0


@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_transaction_fails_is_put_back_for_the_next_flush(redis_cache):
    key, today = uuid.uuid4(), timezone.localdate()
    for _ in range(4):
        page_view_note(page_key=key, kind="course", day=today)
    with connection.cursor() as cursor:  # the table gone for a moment: the write fails for real
        cursor.execute("ALTER TABLE reports_pageviewday RENAME TO reports_pageviewday_away")
    try:
        assert page_view_flush() == 0
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE reports_pageviewday_away RENAME TO reports_pageviewday")

    assert tally_in_redis(redis_cache) == 4 and redis_cache.keys("*page-views:batch:*") == []
    assert page_view_flush() == 4
    assert views_of(key) == 4
