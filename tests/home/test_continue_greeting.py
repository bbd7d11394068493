"""The home page greets a returning learner with their next lesson, and never shows it to anyone else (issue 20)."""

import pytest
from django.test import Client

from courses import services
from tests.builders import course_lessons, make_course, make_course_index, make_learner, signed_in_client

pytestmark = pytest.mark.django_db


def greeting(response) -> str:
    html = response.content.decode()
    if 'class="continue-box"' not in html:
        return ""
    return html.split('class="continue-box"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def courses(home):
    catalog = make_course_index(home, title="Courses")
    return (
        make_course(catalog, title="Keep simple books", lessons=3),
        make_course(catalog, title="Sell on social media", lessons=2),
    )


def test_each_learner_sees_their_own_next_lesson_and_a_visitor_none_even_from_the_cache(courses):
    books, selling = courses
    amina, bruno = make_learner(email="amina@example.org"), make_learner(email="bruno@example.org")
    services.enrollment_create(user=amina, course=selling)
    services.enrollment_create(user=amina, course=books)
    services.lesson_complete(user=amina, lesson=course_lessons(books)[0])
    services.enrollment_create(user=bruno, course=selling)

    visitor = Client()
    assert visitor.get("/")["X-Cache"] == "miss"
    seen = {name: greeting(signed_in_client(user).get("/")) for name, user in (("amina", amina), ("bruno", bruno))}
    cached = visitor.get("/")

    assert "Continue: Lesson 2 of Keep simple books" in seen["amina"]
    assert f'href="{course_lessons(books)[1].url}"' in seen["amina"]
    assert "Keep simple books: 1 of 3 lessons done" in seen["amina"]
    assert "Continue: Lesson 1 of Sell on social media" in seen["bruno"]
    assert cached["X-Cache"] == "hit" and greeting(cached) == ""
    assert "Continue:" not in cached.content.decode()


def test_the_most_recent_activity_comes_first_and_a_finished_course_is_skipped(courses):
    books, selling = courses
    learner = make_learner()
    services.enrollment_create(user=learner, course=books)
    services.enrollment_create(user=learner, course=selling)
    client = signed_in_client(learner)
    assert "Continue: Lesson 1 of Sell on social media" in greeting(client.get("/"))  # enrolled last

    services.lesson_complete(user=learner, lesson=course_lessons(books)[0])
    assert "Continue: Lesson 2 of Keep simple books" in greeting(client.get("/"))  # a lesson done since

    for lesson in course_lessons(books)[1:]:
        services.lesson_complete(user=learner, lesson=lesson)
    assert "Continue: Lesson 1 of Sell on social media" in greeting(client.get("/"))


def test_a_learner_with_nothing_to_continue_gets_no_greeting(home):
    assert greeting(signed_in_client(make_learner()).get("/")) == ""
