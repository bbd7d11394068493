"""Page views added up in memory and written in batches: none lost, none counted twice (issue 16)."""

import time
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from reports.models import PageViewDay
from reports.page_views import page_view_flush, page_view_note, page_view_pending
from tests.builders import make_course, make_course_index, make_home
from tests.threads import THREADS, run_at_once

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def batched(settings):
    """Batching on, with a flush never due by itself; nothing left over from another test."""
    settings.PAGE_VIEW_FLUSH_SECONDS = 3600
    page_view_flush()
    yield
    while page_view_pending():  # never leave counts for the next test's database
        page_view_flush()


def views_of(key) -> int:
    return sum(PageViewDay.objects.filter(page_key=key).values_list("views", flat=True))


@pytest.mark.django_db
def test_views_are_written_only_when_flushed_and_each_flush_adds_its_own():
    key, today = uuid.uuid4(), timezone.localdate()
    for _ in range(2):
        page_view_note(page_key=key, kind="course", day=today)
    assert PageViewDay.objects.count() == 0

    assert page_view_flush() == 2
    for _ in range(3):
        page_view_note(page_key=key, kind="course", day=today)
    assert page_view_flush() == 3
    assert page_view_flush() == 0

    row = PageViewDay.objects.get()
    assert (row.page_key, row.kind, row.day, row.views) == (key, "course", today, 5)


@pytest.mark.django_db
def test_a_course_page_served_from_the_cache_counts_without_a_write_per_hit(django_assert_num_queries):
    course = make_course(make_course_index(make_home()), lessons=1)
    visitor = Client()
    visitor.get(course.url, HTTP_USER_AGENT=BROWSER)  # the miss that stores it

    with django_assert_num_queries(0):
        for _ in range(4):
            assert visitor.get(course.url, HTTP_USER_AGENT=BROWSER)["X-Cache"] == "hit"

    assert views_of(course.translation_key) == 0
    page_view_flush()
    assert views_of(course.translation_key) == 5


@pytest.mark.django_db(transaction=True)  # a flush waits for the end of a transaction; a test runs in one
def test_a_flush_is_due_after_the_setting_s_seconds(settings):
    key, today = uuid.uuid4(), timezone.localdate()
    settings.PAGE_VIEW_FLUSH_SECONDS = 1
    page_view_flush()  # starts the clock
    page_view_note(page_key=key, kind="course", day=today)
    assert views_of(key) == 0
    time.sleep(1.1)
    page_view_note(page_key=key, kind="course", day=today)

    assert views_of(key) == 2 and page_view_pending() == 0


@pytest.mark.django_db(transaction=True)
def test_views_counted_from_sixteen_threads_are_all_written_once():
    key, today = uuid.uuid4(), timezone.localdate()

    def count(_i):
        for _ in range(50):
            page_view_note(page_key=key, kind="course", day=today)

    assert run_at_once(count) == []
    assert page_view_flush() == THREADS * 50
    assert views_of(key) == THREADS * 50


@pytest.mark.django_db(transaction=True)
def test_sixteen_racing_flushes_neither_lose_nor_repeat_a_view():
    keys, today = [uuid.uuid4(), uuid.uuid4()], timezone.localdate()

    def count_and_flush(i):
        for _ in range(10):
            page_view_note(page_key=keys[i % 2], kind="resource", day=today)
        page_view_flush()  # a flush that loses a lock race keeps its views for the next one

    assert run_at_once(count_and_flush) == []
    while page_view_pending():
        page_view_flush()

    assert views_of(keys[0]) + views_of(keys[1]) == THREADS * 10
    assert views_of(keys[0]) == views_of(keys[1]) == THREADS * 5
