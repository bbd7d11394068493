"""No learning page runs more queries because there is more content, nor more than its ceiling."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import ProgramCourse
from taxonomy.models import Topic
from tests.builders import (
    course_lessons,
    make_course,
    make_course_index,
    make_image,
    make_learner,
    make_lesson,
    make_module,
    make_partner,
    make_partner_index,
    make_program,
    make_program_index,
    publish,
)
from tests.queries import assert_flat, page_queries

pytestmark = pytest.mark.django_db

# Measured when each guard was written (same on SQLite and PostgreSQL). Most are per-request
# overhead: session, user, site, locale, menus, view restrictions.
CATALOG_QUERIES = 6  # issue 16: partners, restrictions, alternates cached (10 before); +1 issue 20 facet counts
CATALOG_PARTNERS_QUERIES = 4  # no topics or cover images; issue 16 (8 before); +1 issue 20 facet counts
PROGRAMS_QUERIES = 5  # issue 16: one query for courses, restrictions, alternates cached (11 before)
PROGRAM_QUERIES = 7  # issue 16, signed in: one query for courses, restrictions, alternates cached (12 before)
COURSE_QUERIES = 9  # issue 16, signed in: restrictions, alternates cached (12 before)
LESSON_QUERIES = 6  # issue 16: no permission queries for the userbar of a learner
DASHBOARD_QUERIES = 7  # issue 16: no permission queries for the userbar of a learner


def add_courses(catalog, count, topic):
    courses = []
    for _ in range(count):
        course = make_course(catalog, lessons=0, modules=0, cover_image=make_image())
        course.topics.set([topic])
        course.save_revision().publish()
        courses.append(course)
    return courses


def add_lessons(course, count):
    """`count` more lessons in a new module at the end of `course`."""
    module = make_module(course)
    for _ in range(count):
        make_lesson(module)


def test_catalog_queries_do_not_grow_with_courses(client, home):
    catalog = make_course_index(home)
    topic = Topic.objects.create(name="Pricing", slug="pricing")
    courses = add_courses(catalog, 5, topic)
    before, after = assert_flat(
        client, catalog.url, lambda: courses.extend(add_courses(catalog, 45, topic)), ceiling=CATALOG_QUERIES
    )
    assert sum(f'href="{course.url}"' in before for course in courses) == 5
    assert sum(f'href="{course.url}"' in after for course in courses) == 12  # one page
    few, _ = page_queries(client, catalog.url)
    filtered, _ = page_queries(client, catalog.url + "?topic=pricing&level=beginner&sort=newest")
    assert filtered <= few + 2


def test_catalog_queries_do_not_grow_with_partners(client, home):
    """The partner filter lists every live partner; each one must not cost a query."""
    catalog = make_course_index(home)
    index = make_partner_index(home, intro="")

    def add_partners(start, count):
        for n in range(start, start + count):
            partner = make_partner(index, title=f"Institute {n}", slug=f"institute-{n}", country="KE")
            make_course(partner, lessons=1, modules=1, title=f"Course of institute {n}")

    add_partners(0, 2)
    before, after = assert_flat(client, catalog.url, lambda: add_partners(2, 10), ceiling=CATALOG_PARTNERS_QUERIES)
    assert 'value="institute-1"' in before
    assert 'value="institute-11"' in after


def test_programs_index_queries_do_not_grow_with_programs(client, home):
    catalog = make_course_index(home)
    programs = make_program_index(home)
    courses = [make_course(catalog, lessons=1, cover_image=make_image()) for _ in range(4)]

    def add_programs(count):
        for _ in range(count):
            make_program(programs, courses=courses[:3], image=make_image())

    add_programs(2)
    before, after = assert_flat(client, programs.url, lambda: add_programs(10), ceiling=PROGRAMS_QUERIES)
    assert before.count('class="card program-card"') == 2
    assert after.count('class="card program-card"') == 12


def test_program_page_queries_do_not_grow_with_courses(client, home):
    catalog = make_course_index(home)
    learner = make_learner()
    client.force_login(learner)
    courses = [
        make_course(catalog, lessons=1, title=f"Program course {i:02}", cover_image=make_image()) for i in range(12)
    ]
    for course in courses:
        services.enrollment_create(user=learner, course=course)
    program = make_program(make_program_index(home), courses=courses[:2])

    def add_courses_to_program():
        program.program_courses = [ProgramCourse(course=course, sort_order=i) for i, course in enumerate(courses)]
        publish(program)

    before, after = assert_flat(client, program.url, add_courses_to_program, ceiling=PROGRAM_QUERIES)
    assert sum(course.title in before for course in courses) == 2
    assert sum(course.title in after for course in courses) == 12


def test_course_page_queries_do_not_grow_with_lessons(client, home):
    learner = make_learner()
    client.force_login(learner)
    course = make_course(make_course_index(home), lessons=3, modules=1)
    services.enrollment_create(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=course_lessons(course)[0])
    before, after = assert_flat(
        client, course.url, lambda: [add_lessons(course, 9) for _ in range(3)], ceiling=COURSE_QUERIES
    )
    assert all(lesson.title in after for lesson in course_lessons(course)) and len(course_lessons(course)) == 30


def test_lesson_page_queries_do_not_grow_with_lessons(client, home):
    learner = make_learner()
    client.force_login(learner)
    course = make_course(make_course_index(home), lessons=3)
    services.enrollment_create(user=learner, course=course)
    lesson = course_lessons(course)[1]
    assert_flat(client, lesson.url, lambda: [add_lessons(course, 9) for _ in range(3)], ceiling=LESSON_QUERIES)
    assert len(course_lessons(course)) == 30


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
    _, after = assert_flat(
        client, reverse("home:dashboard"), lambda: enrol_in_new_courses(19), ceiling=DASHBOARD_QUERIES
    )
    assert after.count("<progress") >= 20
