"""No learning page runs more queries because there is more content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from partners.models import PartnerIndexPage, PartnerPage
from taxonomy.models import Topic
from tests.builders import course_lessons, make_course, make_course_index, make_image, make_learner, publish

pytestmark = pytest.mark.django_db

# The exact numbers, so a change is a deliberate one (same on SQLite and PostgreSQL). Most are
# per-request overhead: session, user, site, locale, menus, view restrictions.
CATALOG_QUERIES = 29  # +1 (issue 12): the partner filter lists only public partners
COURSE_QUERIES = 32
LESSON_QUERIES = 30
DASHBOARD_QUERIES = 30  # 29, plus the reading list (library)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response


def add_courses(catalog, count, topic):
    courses = []
    for _ in range(count):
        course = make_course(catalog, lessons=0, modules=0, cover_image=make_image())
        course.topics.set([topic])
        course.save_revision().publish()
        courses.append(course)
    return courses


def test_catalog_queries_do_not_grow_with_courses(client, home):
    catalog = make_course_index(home)
    topic = Topic.objects.create(name="Pricing", slug="pricing")
    courses = add_courses(catalog, 5, topic)
    client.get(catalog.url)  # renditions are generated on the first view
    few, response = queries_for(client, catalog.url)
    assert sum(f'href="{course.url}"' in response.content.decode() for course in courses) == 5
    courses += add_courses(catalog, 45, topic)
    client.get(catalog.url)
    many, response = queries_for(client, catalog.url)
    assert sum(f'href="{course.url}"' in response.content.decode() for course in courses) == 12  # one page
    assert few == CATALOG_QUERIES
    assert many == few, f"{few} queries with 5 courses, {many} with 50"
    client.get(catalog.url + "?topic=pricing&level=beginner&sort=newest")
    filtered, _ = queries_for(client, catalog.url + "?topic=pricing&level=beginner&sort=newest")
    assert filtered <= few + 2


def test_course_page_queries_do_not_grow_with_lessons(client, home):
    catalog = make_course_index(home)
    learner = make_learner()
    client.force_login(learner)
    small = make_course(catalog, lessons=3, modules=1)
    large = make_course(catalog, lessons=30, modules=5)
    for course in (small, large):
        services.enrollment_create(user=learner, course=course)
        services.lesson_complete(user=learner, lesson=course_lessons(course)[0])
    few, _ = queries_for(client, small.url)
    many, _ = queries_for(client, large.url)
    assert few == COURSE_QUERIES
    assert many == few, f"{few} queries with 3 lessons, {many} with 30"


def test_lesson_page_queries_do_not_grow_with_lessons(client, home):
    catalog = make_course_index(home)
    learner = make_learner()
    client.force_login(learner)
    small = make_course(catalog, lessons=3)
    large = make_course(catalog, lessons=30, modules=3)
    for course in (small, large):
        services.enrollment_create(user=learner, course=course)
    few, _ = queries_for(client, course_lessons(small)[1].url)
    many, _ = queries_for(client, course_lessons(large)[1].url)
    assert few == LESSON_QUERIES
    assert many == few, f"{few} queries in a 3-lesson course, {many} in a 30-lesson one"


def test_dashboard_queries_do_not_grow_with_enrolments(client, home):
    catalog = make_course_index(home)
    learner = make_learner()
    client.force_login(learner)

    def enrol_in_new_courses(count):
        for _ in range(count):
            course = make_course(catalog, lessons=2, cover_image=make_image())
            services.enrollment_create(user=learner, course=course)
            services.lesson_complete(user=learner, lesson=course_lessons(course)[0])

    enrol_in_new_courses(1)
    client.get(reverse("courses:dashboard"))
    few, _ = queries_for(client, reverse("courses:dashboard"))
    enrol_in_new_courses(19)
    client.get(reverse("courses:dashboard"))
    many, response = queries_for(client, reverse("courses:dashboard"))
    assert response.content.decode().count("<progress") >= 20
    assert few == DASHBOARD_QUERIES
    assert many == few, f"{few} queries with 1 enrolment, {many} with 20"


def test_catalog_queries_do_not_grow_with_partners(client, home):
    """The partner filter lists every live partner; each one must not cost a query."""
    catalog = make_course_index(home)
    index = PartnerIndexPage(title="Academic partners", slug="partners")
    home.add_child(instance=index)
    publish(index)

    def add_partners(start, count):
        for n in range(start, start + count):
            partner = PartnerPage(title=f"Institute {n}", slug=f"institute-{n}", country="KE")
            index.add_child(instance=partner)
            make_course(publish(partner), lessons=1, modules=1, title=f"Course of institute {n}")

    add_partners(0, 2)
    client.get(catalog.url)
    few, response = queries_for(client, catalog.url)
    assert 'value="institute-1"' in response.content.decode()
    add_partners(2, 10)
    client.get(catalog.url)
    many, response = queries_for(client, catalog.url)
    assert 'value="institute-11"' in response.content.decode()
    assert many == few, f"{few} queries with 2 partners, {many} with 12"
