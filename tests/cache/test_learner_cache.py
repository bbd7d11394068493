"""The per-learner page cache (base/learner_cache.py): each learner gets their own pages, fresh after every change.

Issue 16. `X-Learner-Cache` says whether the page came from the cache, so each test shows the cache was
in play and still served what it must.
"""

import gzip
import re

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from tests.builders import course_lessons, make_course, make_editor, make_learner, publish, signed_in_client

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("home:dashboard")


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=3, title="Keep simple books")


def page(client, url):
    """The page's HTML and whether it came from the cache."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode(), response.get("X-Learner-Cache")


def test_two_learners_and_a_visitor_each_see_only_their_own_pages(course, catalog):
    lessons = course_lessons(course)
    other = make_course(catalog, lessons=1, title="Price a job")
    amina, bruno = make_learner(email="amina@example.org"), make_learner(email="bruno@example.org")
    services.enrollment_create(user=amina, course=course)
    services.enrollment_create(user=bruno, course=course)
    services.enrollment_create(user=bruno, course=other)
    services.lesson_complete(user=amina, lesson=lessons[1])
    clients = {"amina": signed_in_client(amina), "bruno": signed_in_client(bruno)}
    visitor = Client()

    for expected in ("miss", "hit"):
        lesson = {name: page(client, lessons[1].url) for name, client in clients.items()}
        dashboard = {name: page(client, DASHBOARD) for name, client in clients.items()}
        assert {cached for _html, cached in (*lesson.values(), *dashboard.values())} == {expected}
        assert "lesson-done__status" in lesson["amina"][0] and 'id="mark-done"' not in lesson["amina"][0]
        assert 'id="mark-done"' in lesson["bruno"][0] and "lesson-done__status" not in lesson["bruno"][0]
        assert "Price a job" in dashboard["bruno"][0] and "Price a job" not in dashboard["amina"][0]
        assert "amina@example.org" not in lesson["bruno"][0] + dashboard["bruno"][0]
        assert "bruno@example.org" not in lesson["amina"][0] + dashboard["amina"][0]

        response = visitor.get(lessons[1].url)
        assert response.status_code == 403 and "Write down every sale today." not in response.content.decode()
        response = visitor.get(DASHBOARD)
        assert response.status_code == 302 and "Price a job" not in response.content.decode()


def test_a_hit_stays_private_to_the_browser(course):
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
    client.get(DASHBOARD)

    response = client.get(DASHBOARD, HTTP_ACCEPT_ENCODING="gzip")

    assert response["X-Learner-Cache"] == "hit"
    assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert "Keep simple books" in gzip.decompress(response.content).decode()


def test_a_lesson_marked_as_done_shows_done_at_once(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
    page(client, lessons[0].url)
    html, cached = page(client, lessons[0].url)
    assert cached == "hit" and 'id="mark-done"' in html

    client.post(reverse("courses:complete_lesson", args=[lessons[0].pk]), follow=True)

    html, _cached = page(client, lessons[0].url)
    assert "lesson-done__status" in html and 'id="mark-done"' not in html


def test_the_dashboard_shows_a_course_just_enrolled_in(course):
    amina = make_learner(email="amina@example.org")
    client = signed_in_client(amina)
    page(client, DASHBOARD)
    html, cached = page(client, DASHBOARD)
    assert cached == "hit" and "Keep simple books" not in html

    client.post(reverse("courses:enroll", args=[course.pk]), follow=True)

    html, _cached = page(client, DASHBOARD)
    assert "Keep simple books" in html


def test_a_flash_message_shows_once_and_is_never_cached(course):
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
    page(client, DASHBOARD)
    assert page(client, DASHBOARD)[1] == "hit"
    # Enrolling again changes no row, so the learner's pages stay as they are: only the message waits.
    client.post(reverse("courses:enroll", args=[course.pk]))

    with_message, cached = page(client, DASHBOARD)
    assert "You are enrolled." in with_message and cached != "hit"
    for _again in range(2):
        html, cached = page(client, DASHBOARD)
        assert "You are enrolled." not in html and cached == "hit"


def test_a_new_session_gets_a_fresh_page(course):
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    laptop = signed_in_client(amina)
    page(laptop, DASHBOARD)
    assert page(laptop, DASHBOARD)[1] == "hit"

    phone = signed_in_client(amina)  # another browser: its own session and CSRF secret
    laptop.logout()
    assert laptop.get(DASHBOARD).status_code == 302  # signed out: no page of hers
    laptop.force_login(amina)

    assert page(phone, DASHBOARD)[1] != "hit"
    assert page(laptop, DASHBOARD)[1] != "hit"
    assert page(phone, DASHBOARD)[1] == "hit"


def test_a_new_revision_of_the_lesson_shows_its_new_body(course):
    lessons = course_lessons(course)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)
    page(client, lessons[0].url)
    assert page(client, lessons[0].url)[1] == "hit"

    lesson = lessons[0].specific
    lesson.body = [("paragraph", "<p>Count the cash box every evening.</p>")]
    publish(lesson)

    html, _cached = page(client, lessons[0].url)
    assert "Count the cash box every evening." in html and "Write down every sale today." not in html


def test_an_editor_is_never_served_from_the_cache(course):
    client = signed_in_client(make_editor())
    for _round in range(2):
        response = client.get(DASHBOARD)
        assert response.status_code == 200 and response.get("X-Learner-Cache") is None


def test_a_lesson_with_a_video_is_kept_gzipped_and_needs_no_nonce(catalog):
    course = make_course(catalog, lessons=1, title="Film your workshop")
    lesson = course_lessons(course)[0].specific
    lesson.body = [("video", {"url": "https://www.youtube.com/watch?v=Q4kVwF0cA1s", "title": "A tour"})]
    publish(lesson)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)

    bodies = []
    for expected in ("miss", "hit", "hit"):
        response = client.get(lesson.url, headers={"accept-encoding": "gzip"})
        assert response["X-Learner-Cache"] == expected and response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        assert '<script src="/static/courses/js/video.js" defer></script>' in html
        assert "'nonce-" not in response["Content-Security-Policy"]
        bodies.append(response.content)
    assert bodies[1] == bodies[2]  # a hit sends the stored bytes as they are


def test_a_lesson_carrying_a_nonce_is_served_with_a_fresh_one_each_time(catalog, lesson_template_with_nonce):
    course = make_course(catalog, lessons=1, title="Film your workshop")
    lesson = course_lessons(course)[0].specific
    lesson.body = [("video", {"url": "https://www.youtube.com/watch?v=Q4kVwF0cA1s", "title": "A tour"})]
    publish(lesson)
    amina = make_learner(email="amina@example.org")
    services.enrollment_create(user=amina, course=course)
    client = signed_in_client(amina)

    nonces = []
    for expected in ("miss", "hit", "hit"):
        response = client.get(lesson.url)
        assert response["X-Learner-Cache"] == expected
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        assert f'src="/static/courses/js/video.js" nonce="{nonce}"' in response.content.decode()
        nonces.append(nonce)
    assert len(set(nonces)) == 3
