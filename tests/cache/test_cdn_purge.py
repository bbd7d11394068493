"""A CDN in front of the site is purged when content changes, in a task after the commit (issue 16).

A local HTTP server stands in for the CDN: it answers Wagtail's PURGE requests and records them.
"""

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from courses.models import CoursePage
from tests.builders import make_course, make_course_index, make_library, make_partner, make_resource, publish

pytestmark = pytest.mark.django_db


class FakeCDN(ThreadingHTTPServer):
    """Records each PURGE as (Host header, path) and answers `status`."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _PurgeHandler)
        self.purged = []
        self.status = 200

    @property
    def location(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def paths(self, host="localhost"):
        return {path for purged_host, path in self.purged if purged_host == host}


class _PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    server = FakeCDN()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def purge_through(settings, location):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {"BACKEND": "base.cdn.TimeoutHTTPBackend", "LOCATION": location, "TIMEOUT": 2}
    }


@pytest.fixture
def configured(settings, cdn):
    purge_through(settings, cdn.location)
    return cdn


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=1, title="Keep simple books")


def test_publishing_a_course_purges_the_course_the_catalog_and_the_home_page(
    configured, course, catalog, django_capture_on_commit_callbacks
):
    course.summary = "Simpler books, fewer evenings."
    with django_capture_on_commit_callbacks(execute=True):
        publish(course)

    assert {course.url, catalog.url, "/"} <= configured.paths()
    assert course.url != catalog.url != "/"


def test_nothing_is_purged_before_the_change_commits(configured, course, django_capture_on_commit_callbacks):
    """Wagtail's own handlers, which would purge inside the publishing transaction, are unhooked."""
    with django_capture_on_commit_callbacks() as callbacks:
        publish(course)

    assert configured.purged == []
    assert [callback for callback in callbacks if callback.__module__ == "base.cdn"]  # it waits for the commit


def test_unpublishing_purges_the_course_and_its_listings(
    configured, course, catalog, django_capture_on_commit_callbacks
):
    url = course.url
    with django_capture_on_commit_callbacks(execute=True):
        course.unpublish()

    assert {url, catalog.url, "/"} <= configured.paths()


def test_deleting_a_live_course_purges_its_address(configured, course, catalog, django_capture_on_commit_callbacks):
    url = course.url
    with django_capture_on_commit_callbacks(execute=True):
        course.delete()

    assert {url, catalog.url, "/"} <= configured.paths()


def test_moving_a_course_purges_its_old_and_new_addresses_and_its_lessons(
    configured, home, course, catalog, django_capture_on_commit_callbacks
):
    other = make_course_index(home, title="More courses")
    lesson = course.get_descendants().live().last()
    old_course, old_lesson = course.url, lesson.url
    with django_capture_on_commit_callbacks(execute=True):
        course.move(other, pos="last-child")

    course.refresh_from_db()
    lesson.refresh_from_db()
    assert {old_course, old_lesson, course.url, lesson.url, other.url} <= configured.paths()
    assert old_course != course.url


def test_a_partners_course_purges_the_catalog_it_is_listed_in(
    configured, home, catalog, django_capture_on_commit_callbacks
):
    partner = make_partner(home, title="University X")
    with django_capture_on_commit_callbacks(execute=True):
        course = make_course(partner, lessons=1)

    assert {course.url, partner.url, catalog.url, "/"} <= configured.paths()


def test_publishing_a_resource_purges_the_libraries(configured, home, django_capture_on_commit_callbacks):
    know_how, best_practices = make_library(home), make_library(home, kind_group="best_practices")
    with django_capture_on_commit_callbacks(execute=True):
        resource = make_resource(know_how)

    assert {resource.url, know_how.url, best_practices.url, "/"} <= configured.paths()


def test_nothing_is_sent_without_a_cdn_configured(settings, cdn, course, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}  # what settings.py builds without the variables
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(course)

    assert cdn.purged == []
    assert not [callback for callback in callbacks if callback.__module__ == "base.cdn"]  # not even a task


def test_a_cdn_answering_500_leaves_the_course_published_and_logs_a_warning(
    configured, catalog, caplog, django_capture_on_commit_callbacks
):
    configured.status = 500
    course = make_course(catalog, lessons=1, live=False, title="Price your work")
    with caplog.at_level(logging.WARNING, logger="base.cdn"), django_capture_on_commit_callbacks(execute=True):
        publish(course)

    assert CoursePage.objects.get(pk=course.pk).live
    assert Client().get(course.url).status_code == 200
    assert course.url in configured.paths()
    assert any("HTTP 500" in record.getMessage() for record in caplog.records)


def test_an_unreachable_cdn_leaves_the_course_published_and_logs_a_warning(
    settings, catalog, caplog, django_capture_on_commit_callbacks
):
    with socket.socket() as probe:  # a port nobody listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    purge_through(settings, f"http://127.0.0.1:{port}")
    course = make_course(catalog, lessons=1, live=False, title="Count your stock")
    with caplog.at_level(logging.WARNING, logger="base.cdn"), django_capture_on_commit_callbacks(execute=True):
        publish(course)

    assert Client().get(course.url).status_code == 200
    assert any("CDN purge of" in record.getMessage() for record in caplog.records)


def test_a_cdn_that_does_not_answer_is_given_up_on(settings, catalog, caplog, django_capture_on_commit_callbacks):
    with socket.socket() as silent:  # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        purge_through(settings, f"http://127.0.0.1:{silent.getsockname()[1]}")
        settings.WAGTAILFRONTENDCACHE["http"]["TIMEOUT"] = 0.2
        course = make_course(catalog, lessons=1, live=False)
        with caplog.at_level(logging.WARNING, logger="base.cdn"), django_capture_on_commit_callbacks(execute=True):
            publish(course)

    assert CoursePage.objects.get(pk=course.pk).live
    assert any("timed out" in record.getMessage() for record in caplog.records)
