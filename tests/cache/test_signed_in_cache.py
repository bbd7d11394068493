"""What signed-in pages share through the cache (routes, outlines, lesson bodies, dashboard courses) and never do.

Issue 16.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses import services
from tests.builders import (
    course_lessons,
    make_course,
    make_editor,
    make_learner,
    make_lesson,
    publish,
    signed_in_client,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=3, title="Keep simple books")


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
    clients = {"amina": signed_in_client(amina), "bruno": signed_in_client(bruno)}

    for _round in range(2):  # the second round reads the route, the outline and the body from the cache
        seen = {name: html(client, lessons[1].url) for name, client in clients.items()}
        assert "Done" in seen["amina"] and 'id="mark-done"' not in seen["amina"]
        assert 'id="mark-done"' in seen["bruno"] and "lesson-done__status" not in seen["bruno"]
        assert all("<p>Write down every sale today.</p>" in page for page in seen.values())  # not escaped
        assert "Step 2 of 3" in seen["amina"] and "Step 2 of 3" in seen["bruno"]
        assert '<progress value="1"' in seen["amina"] and '<progress value="0"' in seen["bruno"]  # their own

    services.lesson_complete(user=bruno, lesson=lessons[1])  # a learner's own rows are read every time

    assert "lesson-done__status" in html(clients["bruno"], lessons[1].url)


def test_a_learner_not_enrolled_is_still_locked_out_of_a_cached_lesson(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    html(signed_in_client(amina), lessons[2].url)  # routes and outline now cached

    response = signed_in_client(make_learner(email="bruno@example.org")).get(lessons[2].url)

    page = response.content.decode()
    assert response.status_code == 403  # the course's door
    assert "Write down every sale today." not in page and 'id="mark-done"' not in page


def test_a_retitled_lesson_shows_at_once_in_the_cached_pager_and_dashboard(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
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
    client = signed_in_client(amina)
    assert "Step 1 of 3" in html(client, lessons[0].url)

    make_lesson(lessons[0].get_parent(), title="Close the month")

    assert "Step 1 of 4" in html(client, lessons[0].url)


def test_an_unpublished_lesson_is_gone_from_the_cached_route(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
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


def test_a_republished_lesson_body_shows_at_once_to_every_learner(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
    assert "Write down every sale today." in html(client, lessons[1].url)  # the body now stored

    lessons[1].body = [("paragraph", "<p>Count the cash box every evening.</p>")]
    publish(lessons[1])

    page = html(client, lessons[1].url)
    assert "Count the cash box every evening." in page and "Write down every sale today." not in page


def test_a_preview_of_a_draft_body_is_never_stored_for_learners(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    lessons[1].body = [("paragraph", "<p>A draft nobody should read yet.</p>")]
    draft = lessons[1].save_revision().as_object()

    preview = draft.make_preview_request()

    assert "A draft nobody should read yet." in preview.rendered_content
    page = html(signed_in_client(amina), lessons[1].url)
    assert "Write down every sale today." in page and "A draft nobody should read yet." not in page


def test_the_userbar_is_for_editors_only_whoever_opened_the_lesson_first(course):
    sample = course_lessons(course)[0]  # the free sample: both may read it
    editor, amina = make_editor(email="edith@example.org"), make_learner(email="amina@example.org")
    clients = {"editor": signed_in_client(editor), "amina": signed_in_client(amina)}

    for _round in range(2):
        assert "wagtail-userbar" in html(clients["editor"], sample.url)
        assert "wagtail-userbar" not in html(clients["amina"], sample.url)

    editor.groups.clear()  # no longer an editor: the bar goes at once
    assert "wagtail-userbar" not in html(clients["editor"], sample.url)
    amina.groups.add(*make_editor(email="other.editor@example.org").groups.all())
    assert "wagtail-userbar" in html(clients["amina"], sample.url)
