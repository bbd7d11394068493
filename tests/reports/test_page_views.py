"""Course and resource views are counted on the server, per page and day, and nothing about the reader is kept."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from wagtail.models import Locale

from reports.models import PageViewDay
from tests.builders import (
    make_course,
    make_course_index,
    make_learner,
    make_library,
    make_private,
    make_resource,
    publish,
)

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), lessons=1)


@pytest.fixture
def resource(home):
    return make_resource(make_library(home))


def views_of(page) -> int:
    return sum(PageViewDay.objects.filter(page_key=page.translation_key).values_list("views", flat=True))


def test_each_visit_of_a_course_counts_once(client, course):
    for _ in range(3):
        assert client.get(course.url, HTTP_USER_AGENT=BROWSER).status_code == 200

    row = PageViewDay.objects.get()
    assert (row.page_key, row.kind, row.day, row.views) == (course.translation_key, "course", timezone.localdate(), 3)


def test_each_visit_of_a_resource_counts_once(client, resource):
    client.get(resource.url, HTTP_USER_AGENT=BROWSER)
    client.get(resource.url, HTTP_USER_AGENT=BROWSER)

    row = PageViewDay.objects.get()
    assert (row.page_key, row.kind, row.views) == (resource.translation_key, "resource", 2)


def test_a_logged_in_learners_view_counts_like_anyone_elses(client, course):
    client.force_login(make_learner())
    client.get(course.url, HTTP_USER_AGENT=BROWSER)

    assert views_of(course) == 1


def test_pages_count_apart(client, course, resource):
    client.get(course.url, HTTP_USER_AGENT=BROWSER)
    client.get(resource.url, HTTP_USER_AGENT=BROWSER)
    client.get(resource.url, HTTP_USER_AGENT=BROWSER)

    assert (views_of(course), views_of(resource)) == (1, 2)


def test_visits_served_from_the_page_cache_count_too(client, course, resource):
    for page in (course, resource):
        responses = [client.get(page.url, HTTP_USER_AGENT=BROWSER) for _ in range(3)]
        assert [response["X-Cache"] for response in responses] == ["miss", "hit", "hit"]

    assert (views_of(course), views_of(resource)) == (3, 3)


def test_a_browser_revalidating_a_cached_course_page_counts_a_view(client, course):
    etag = client.get(course.url, HTTP_USER_AGENT=BROWSER)["ETag"]

    again = client.get(course.url, HTTP_USER_AGENT=BROWSER, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert views_of(course) == 2


def test_robots_and_head_requests_served_from_the_page_cache_are_not_counted(client, course):
    client.get(course.url, HTTP_USER_AGENT=BROWSER)

    robot = client.get(course.url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    head = client.head(course.url, HTTP_USER_AGENT=BROWSER)

    assert robot["X-Cache"] == head["X-Cache"] == "hit"
    assert views_of(course) == 1


def test_a_head_request_is_not_counted(client, course):
    assert client.head(course.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert not PageViewDay.objects.exists()


def test_a_post_is_not_counted(client, resource):
    client.post(resource.url, HTTP_USER_AGENT=BROWSER)
    assert not PageViewDay.objects.exists()


def test_a_preview_is_not_counted(course, resource):
    for page in (course, resource):
        response = page.make_preview_request()
        assert response.status_code == 200
    assert not PageViewDay.objects.exists()


def test_a_page_the_visitor_may_not_see_is_not_counted(client, course):
    make_private(course)
    assert client.get(course.url, HTTP_USER_AGENT=BROWSER).status_code == 302
    assert not PageViewDay.objects.exists()


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "   ",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
        "Sogou web spider/4.0",
        "ia_archiver crawler",
    ],
)
def test_a_robot_is_not_counted_but_still_served(client, course, agent):
    assert client.get(course.url, HTTP_USER_AGENT=agent).status_code == 200
    assert not PageViewDay.objects.exists()


def test_the_translations_of_a_page_share_one_count(client, course):
    french = Locale.objects.create(language_code="fr")
    translation = course.copy_for_translation(french, copy_parents=True, alias=False)
    translation.title = "Fixer ses prix"
    publish(translation)
    for page in translation.get_ancestors().filter(depth__gt=1):
        if not page.live:
            page.specific.save_revision().publish()

    assert client.get(course.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.get(translation.url, HTTP_USER_AGENT=BROWSER).status_code == 200

    row = PageViewDay.objects.get()
    assert translation.url != course.url
    assert (row.page_key, row.views) == (course.translation_key, 2)


def test_a_new_day_starts_a_new_row(client, course):
    client.get(course.url, HTTP_USER_AGENT=BROWSER)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PageViewDay.objects.update(day=yesterday)

    client.get(course.url, HTTP_USER_AGENT=BROWSER)

    assert sorted(PageViewDay.objects.values_list("day", "views")) == [(yesterday, 1), (timezone.localdate(), 1)]


# Words a field name would hold if it kept something about a reader.
PERSONAL = ("ip", "addr", "user", "agent", "cookie", "session", "referer", "referrer", "email", "visitor")


def test_no_table_of_the_reports_holds_anything_about_a_reader():
    for model in apps.get_app_config("reports").get_models():
        for field in model._meta.get_fields():
            assert not isinstance(field, models.GenericIPAddressField), field
            assert not (field.is_relation and field.related_model is apps.get_model(settings.AUTH_USER_MODEL)), field
            words = field.name.lower().split("_")
            assert not set(words) & set(PERSONAL), field
        with connection.cursor() as cursor:
            columns = {c.name for c in connection.introspection.get_table_description(cursor, model._meta.db_table)}
        assert columns == {field.column for field in model._meta.concrete_fields}
    columns = {field.column for field in PageViewDay._meta.concrete_fields}
    assert columns == {"id", "page_key", "kind", "day", "views"}


def test_after_a_visit_only_the_page_day_and_count_are_stored(client, course):
    learner = make_learner()
    client.force_login(learner)
    client.get(course.url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")

    row = PageViewDay.objects.values().get()
    del row["id"]
    assert row == {"page_key": course.translation_key, "kind": "course", "day": timezone.localdate(), "views": 1}
