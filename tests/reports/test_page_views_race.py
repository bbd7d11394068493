"""Sixteen readers opening the same page at the same moment make sixteen views, on SQLite as on PostgreSQL."""

import pytest
from django.test import Client
from django.utils import timezone

from reports.models import PageViewDay
from reports.page_views import page_view_add
from tests.builders import make_course, make_course_index, make_home
from tests.threads import THREADS, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0"


def test_sixteen_simultaneous_first_views_are_all_counted_once():
    course = make_course(make_course_index(make_home()), lessons=1)
    url = course.url
    statuses = []

    def visit(i):
        statuses.append(Client().get(url, HTTP_USER_AGENT=BROWSER).status_code)

    assert run_at_once(visit) == []
    assert statuses == [200] * THREADS
    row = PageViewDay.objects.get()
    assert (row.page_key, row.day, row.views) == (course.translation_key, timezone.localdate(), THREADS)


def test_sixteen_simultaneous_adds_on_an_existing_row_are_all_counted():
    course = make_course(make_course_index(make_home()), lessons=1)
    today = timezone.localdate()
    page_view_add(page_key=course.translation_key, kind="course", day=today)

    assert run_at_once(lambda i: page_view_add(page_key=course.translation_key, kind="course", day=today)) == []
    assert PageViewDay.objects.get().views == THREADS + 1
