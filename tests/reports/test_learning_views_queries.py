"""Each learning report runs as many queries with ten times the courses and learners, and its export too."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import services as course_services
from reports.models import PageViewDay, ViewedPageKind
from tests.builders import course_lessons, make_course, make_learner, make_resource
from tests.queries import assert_flat
from tests.reports.test_learning_views import BREAKDOWN, REPORTS, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home, partner_index):
    return World()


def grow(world):
    def add():
        for _number in range(3):
            course = make_course(world.kilimo, lessons=1)
            resource = make_resource(world.kilimo)
            PageViewDay.objects.create(
                page_key=resource.translation_key, kind=ViewedPageKind.RESOURCE, day=timezone.localdate(), views=3
            )
            lesson = course_lessons(course)[0]
            for learner_number in range(6):
                learner = make_learner(profile={"country": "UG"})
                course_services.enrollment_create(user=learner, course=course)
                if learner_number % 2:
                    course_services.lesson_complete(user=learner, lesson=lesson)

    return add


@pytest.mark.parametrize("url", [*REPORTS, f"{BREAKDOWN}?dimension=country", f"{BREAKDOWN}?dimension=month"])
@pytest.mark.parametrize("who", ["editor", "partner"])
def test_report_queries_stay_flat(client, world, url, who):
    client.force_login(world.editor if who == "editor" else world.kilimo_user)
    assert_flat(client, url, grow=grow(world), ceiling=23 if who == "editor" else 33)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_queries_stay_flat(client, world, export_format):
    client.force_login(world.editor)
    url = f"{BREAKDOWN}?export={export_format}"

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)  # a CSV streams: its queries run as it is read
        return len(context)

    queries()
    few = queries()
    grow(world)()
    queries()  # adding content drops the shared cache (locales): measure warm both times
    assert queries() == few
