"""What learners see and may do on the catalog, course, lesson and dashboard pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrollment, LessonCompletion
from taxonomy.models import Sector, Topic
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_learner,
    make_lesson,
    make_partner,
    make_private,
    make_term,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(home):
    return make_course_index(home)


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=4, modules=2, title="Keep simple books")


@pytest.fixture
def learner_client(client):
    learner = make_learner()
    client.force_login(learner)
    client.learner = learner
    return client


def test_enrol_is_post_only(learner_client, course):
    url = reverse("courses:enroll", args=[course.pk])
    assert learner_client.get(url).status_code == 405
    assert Enrollment.objects.count() == 0


def test_anonymous_enrol_goes_to_login_and_writes_nothing(client, course):
    response = client.post(reverse("courses:enroll", args=[course.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert Enrollment.objects.count() == 0


def test_enrol_needs_a_valid_csrf_token(course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_learner())
    response = client.post(reverse("courses:enroll", args=[course.pk]))
    assert response.status_code == 403
    assert Enrollment.objects.count() == 0


def test_enrolling_twice_answers_as_success(learner_client, course):
    for _ in range(2):
        response = learner_client.post(reverse("courses:enroll", args=[course.pk]), follow=True)
        assert response.status_code == 200
        assert "You are enrolled" in response.content.decode()
    assert Enrollment.objects.count() == 1


def test_enrolling_in_a_draft_course_is_a_404_and_writes_nothing(learner_client, course):
    course.unpublish()
    assert learner_client.post(reverse("courses:enroll", args=[course.pk])).status_code == 404
    assert Enrollment.objects.count() == 0


def test_course_page_shows_syllabus_and_enrolled_progress(learner_client, course):
    lessons = course_lessons(course)
    anonymous = Client().get(course.url).content.decode()
    assert all(lesson.title in anonymous for lesson in lessons)
    assert "<progress" not in anonymous

    services.enrollment_create(user=learner_client.learner, course=course)
    services.lesson_complete(user=learner_client.learner, lesson=lessons[0])
    html = learner_client.get(course.url).content.decode()
    assert re.search(r'<progress[^>]*value="1"[^>]*max="4"', html) or re.search(
        r'<progress[^>]*max="4"[^>]*value="1"', html
    )
    assert "25%" in html
    # The outline links every lesson, so only the button itself shows where "Continue" leads.
    assert f'<a class="button" href="{lessons[1].url}">Continue</a>' in html


def test_the_first_lesson_is_an_open_preview_and_the_rest_need_enrolment(client, course):
    first, second = course_lessons(course)[:2]
    assert client.get(first.url).status_code == 200
    locked = client.get(second.url)
    assert locked.status_code == 403
    assert "Write down every sale today." not in locked.content.decode()


def test_enrolled_learner_reads_every_lesson_privately(learner_client, course):
    services.enrollment_create(user=learner_client.learner, course=course)
    response = learner_client.get(course_lessons(course)[2].url)
    assert response.status_code == 200
    assert "Write down every sale today." in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_mark_complete_moves_on_to_the_next_lesson(learner_client, course):
    services.enrollment_create(user=learner_client.learner, course=course)
    lessons = course_lessons(course)
    response = learner_client.post(reverse("courses:complete_lesson", args=[lessons[0].pk]))
    assert response.status_code == 302 and response["Location"] == lessons[1].url
    assert LessonCompletion.objects.count() == 1
    assert learner_client.get(reverse("courses:complete_lesson", args=[lessons[0].pk])).status_code == 405


def test_completing_without_enrolment_is_refused_with_a_message(learner_client, course):
    lesson = course_lessons(course)[1]
    response = learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]), follow=True)
    assert "Enrol in the course" in response.content.decode()
    assert LessonCompletion.objects.count() == 0


def test_continue_lands_on_the_next_unfinished_lesson(learner_client, course):
    services.enrollment_create(user=learner_client.learner, course=course)
    lessons = course_lessons(course)
    for lesson in (lessons[0], lessons[1], lessons[3]):
        services.lesson_complete(user=learner_client.learner, lesson=lesson)
    response = learner_client.get(reverse("courses:continue", args=[course.pk]))
    assert response.status_code == 302 and response["Location"] == lessons[2].url


def test_leaving_is_post_only_and_keeps_progress(learner_client, course):
    services.enrollment_create(user=learner_client.learner, course=course)
    services.lesson_complete(user=learner_client.learner, lesson=course_lessons(course)[0])
    url = reverse("courses:leave", args=[course.pk])
    assert learner_client.get(url).status_code == 405
    learner_client.post(url)
    assert Enrollment.objects.get().left_at is not None
    assert LessonCompletion.objects.count() == 1


def test_dashboard_shows_progress_and_an_empty_state(learner_client, catalog, course):
    html = learner_client.get(reverse("home:dashboard")).content.decode()
    assert catalog.url in html  # the empty state points to the catalog

    services.enrollment_create(user=learner_client.learner, course=course)
    services.lesson_complete(user=learner_client.learner, lesson=course_lessons(course)[0])
    html = learner_client.get(reverse("home:dashboard")).content.decode()
    assert course.title in html and "25%" in html
    assert reverse("courses:continue", args=[course.pk]) in html


def test_dashboard_needs_login(client):
    response = client.get(reverse("home:dashboard"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_catalog_filters_combine_and_urls_are_shareable(client, catalog):
    pricing, marketing = make_term(Topic, "Pricing"), make_term(Topic, "Marketing")
    food = make_term(Sector, "Food")
    a = make_course(catalog, title="Price your bread", level="beginner")
    a.topics.set([pricing])
    a.sectors.set([food])
    a.save_revision().publish()
    b = make_course(catalog, title="Price your services", level="advanced")
    b.topics.set([pricing])
    b.save_revision().publish()
    c = make_course(catalog, title="Find customers", level="beginner")
    c.topics.set([marketing])
    c.save_revision().publish()

    html = client.get(catalog.url).content.decode()
    assert all(title in html for title in ("Price your bread", "Price your services", "Find customers"))
    html = client.get(catalog.url + "?topic=pricing").content.decode()
    assert "Price your bread" in html and "Price your services" in html and "Find customers" not in html
    html = client.get(catalog.url + "?topic=pricing&level=beginner&sector=food").content.decode()
    assert "Price your bread" in html and "Price your services" not in html and "Find customers" not in html
    assert 'method="get"' in client.get(catalog.url).content.decode().lower()


@pytest.mark.parametrize(
    "query",
    [
        "?level=zzz",
        "?topic=%00%ff",
        "?page=abc",
        "?page=99999",
        "?sort=drop+table",
        "?length=" + "x" * 5000,
        "?partner[]=1",
    ],
)
def test_malformed_filters_never_break_the_catalog(client, catalog, query):
    make_course(catalog, title="Keep simple books")
    response = client.get(catalog.url + query)
    assert response.status_code == 200
    assert "Keep simple books" in response.content.decode()


def transferred_kb(client, url):
    """HTML plus linked CSS and JS, gzip-compressed, in KB (scripts/page_weight.py measures the wire)."""
    import gzip

    html = client.get(url).content
    total = len(gzip.compress(html))
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        response = client.get(asset.decode())
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    return total / 1024


def test_lesson_and_catalog_pages_stay_within_their_weight_budgets(learner_client, catalog, course):
    services.enrollment_create(user=learner_client.learner, course=course)
    lesson = make_lesson(
        course_lessons(course)[0].get_parent(),
        body=[
            ("paragraph", "<p>" + "Count every cost, including your own time. " * 60 + "</p>"),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=Q4kVwF0cA1s",
                    "title": "Costs",
                    "duration": "4:30",
                    "transcript": "",
                },
            ),
        ],
    )
    html = learner_client.get(lesson.url).content.decode()
    assert "video" in html and "<script" in html
    assert transferred_kb(learner_client, lesson.url) < 40
    for _ in range(30):
        make_course(catalog, lessons=0, modules=0)
    assert transferred_kb(learner_client, catalog.url) < 60


# Issue 12: hostile `next` values, addresses of hidden pages, ids beyond 64 bits, hidden partners.

NOT_A_PATH = [
    "foo",
    "dashboard",
    "//evil.example/",
    "javascript:alert(1)",
    "/\\evil.example",
    "/ok\x00",
    "/\u202eevil",
    "",
]


@pytest.mark.parametrize("next_url", NOT_A_PATH)
def test_enrol_and_leave_with_a_next_that_is_not_a_path_go_back_to_the_course(learner_client, course, next_url):
    for name in ("courses:enroll", "courses:leave"):
        response = learner_client.post(reverse(name, args=[course.pk]), {"next": next_url})
        assert response.status_code == 302 and response["Location"] == course.url, (name, next_url)


def test_enrol_keeps_a_next_that_is_a_path_on_this_site(learner_client, course):
    response = learner_client.post(reverse("courses:enroll", args=[course.pk]), {"next": "/learning/?tab=mine"})
    assert response["Location"] == "/learning/?tab=mine"


def test_refused_completion_of_a_private_lesson_does_not_reveal_its_address(learner_client, course):
    lesson = course_lessons(course)[1]
    make_private(lesson)
    response = learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("home:dashboard")
    assert lesson.slug not in response["Location"]
    assert LessonCompletion.objects.count() == 0


def test_refused_completion_of_an_open_lesson_goes_back_to_it(learner_client, course):
    lesson = course_lessons(course)[1]
    response = learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    assert response["Location"] == lesson.url


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999", "1" * 40])
def test_ids_beyond_64_bits_are_not_found(learner_client, number):
    for url in (
        f"/learning/courses/{number}/enrol/",
        f"/learning/courses/{number}/leave/",
        f"/learning/lessons/{number}/complete/",
        f"/learning/quizzes/{number}/submit/",
    ):
        assert learner_client.post(url).status_code == 404, url
    assert learner_client.get(f"/learning/courses/{number}/continue/").status_code == 404
    assert learner_client.get(f"/learning/quizzes/attempts/{number}/").status_code == 404


def test_catalog_partner_filter_offers_no_view_restricted_partner(client, catalog):
    home = catalog.get_parent()
    open_university = make_partner(home, title="Open University", slug="open-university")
    make_course(open_university, title="Open course")  # the filter offers partners with courses (counts)
    hidden = make_partner(home, title="Hidden Institute", slug="hidden-institute")
    make_private(hidden)
    html = client.get(catalog.url).content.decode()
    assert "Open University" in html
    assert "Hidden Institute" not in html and "hidden-institute" not in html
