"""What signed-in pages share through the cache (routes, outlines, dashboard courses) and never do (issue 16)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses import services
from tests.builders import course_lessons, make_course, make_learner, make_lesson, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=3, title="Keep simple books")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def test_two_learners_on_the_same_lesson_each_see_their_own_progress(course):
    lessons = course_lessons(course)
    amina, bruno = make_learner(email="amina@example.org"), make_learner(email="bruno@example.org")
    for learner in (amina, bruno):
        services.enrollment_create(user=learner, course=course)
    services.lesson_complete(user=amina, lesson=lessons[1])
    clients = {"amina": signed_in(amina), "bruno": signed_in(bruno)}

    for _round in range(2):  # the second round reads the route and the outline from the cache
        seen = {name: html(client, lessons[1].url) for name, client in clients.items()}
        assert "Done" in seen["amina"] and 'id="mark-done"' not in seen["amina"]
        assert 'id="mark-done"' in seen["bruno"] and "lesson-done__status" not in seen["bruno"]

    services.lesson_complete(user=bruno, lesson=lessons[1])  # a learner's own rows are read every time

    assert "lesson-done__status" in html(clients["bruno"], lessons[1].url)


def test_a_learner_not_enrolled_is_still_locked_out_of_a_cached_lesson(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    html(signed_in(amina), lessons[2].url)  # routes and outline now cached

    response = signed_in(make_learner(email="bruno@example.org")).get(lessons[2].url)

    page = response.content.decode()
    assert response.status_code == 403  # the course's door
    assert "Write down every sale today." not in page and 'id="mark-done"' not in page


def test_a_retitled_lesson_shows_at_once_in_the_cached_pager_and_dashboard(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in(amina)
    assert "Keep simple books" in html(client, reverse("home:dashboard"))
    html(client, lessons[0].url)

    lessons[1].title = "Count the cash box"
    publish(lessons[1])
    course.title = "Keep simpler books"
    publish(course)

    assert "Count the cash box" in html(client, lessons[0].url)  # the next lesson, in the pager
    assert "Keep simpler books" in html(client, reverse("home:dashboard"))


def test_a_new_lesson_counts_in_the_progress_at_once(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in(amina)
    assert "Step 1 of 3" in html(client, lessons[0].url)

    make_lesson(lessons[0].get_parent(), title="Close the month")

    assert "Step 1 of 4" in html(client, lessons[0].url)


def test_an_unpublished_lesson_is_gone_from_the_cached_route(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in(amina)
    html(client, lessons[2].url)

    lessons[2].unpublish()

    assert client.get(lessons[2].url).status_code == 404


def test_a_restriction_added_after_the_route_was_cached_applies_at_once(course):
    lessons = course_lessons(course)
    visitor = Client()
    assert visitor.get(lessons[0].url).status_code == 200  # the first lesson is the free sample

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    response = visitor.get(lessons[0].url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
