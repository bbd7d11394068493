"""The demo catalogue is believable: programs, courses of real lessons, a learner half-way."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import QuizPage
from courses import selectors
from courses.models import CoursePage, Enrollment, LessonPage, TrainingProgramPage
from home.models import MenuPlace, NavigationMenu

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", logins_file=tmp_path / "logins.json", languages=("en",), stdout=StringIO())


def words(html):
    return len(re.sub(r"<[^>]+>", " ", html).split())


def test_demo_has_programs_and_courses_of_real_lessons(demo):
    programs = TrainingProgramPage.objects.live()
    assert programs.count() >= 3
    assert all(program.program_courses.count() >= 2 for program in programs)
    courses = list(CoursePage.objects.live())
    assert len(courses) >= 8
    for course in courses:
        items = selectors.course_step_list(course)
        lessons = [item for item in items if isinstance(item, LessonPage)]
        assert 3 <= len(lessons) <= 8, course.title
        for lesson in lessons:
            assert words(str(lesson.body)) >= 120, lesson.title
        assert isinstance(items[-1], QuizPage), f"{course.title} ends with a quiz"
        assert 5 <= len(items[-1].questions) <= 10
    assert any(selectors.page_partner_get(course, selectors.partner_list_by_path()) for course in courses)


def test_demo_learner_is_half_way_through_two_courses(demo):
    enrollments = Enrollment.objects.filter(user__email="learner@example.org")
    assert enrollments.count() == 2
    for enrollment in enrollments:
        progress = selectors.course_detail_get(course=enrollment.course, user=enrollment.user).progress
        assert 0 < progress.percent < 100


def test_main_menu_leads_to_the_learning_sections(demo, client):
    menu = NavigationMenu.objects.get(place=MenuPlace.MAIN, locale__language_code="en")
    titles = [item.value["page"].title for item in menu.items if item.value.get("page")]
    assert titles[:3] == ["Courses", "Programs", "Academic partners"]
    html = client.get("/").content.decode()
    assert "Popular courses" in html and "Training programs" in html


def test_every_live_demo_page_renders(demo, client):
    """Visitors get a page (lessons after the free preview are a 403 with an enrol box)."""
    from wagtail.models import Page

    from courses.models import ModulePage

    statuses = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        statuses[page.url] = response.status_code
        if isinstance(page, ModulePage):
            assert response.status_code == 302, page.url
        elif isinstance(page, QuizPage):
            assert response.status_code == 403, page.url  # quizzes are for enrolled learners
        elif isinstance(page, LessonPage):
            expected = 200 if selectors.course_step_list(page.get_parent().get_parent())[0].pk == page.pk else 403
            assert response.status_code == expected, page.url
        else:
            assert response.status_code == 200, page.url
    assert len(statuses) > 60


def test_the_demo_loads_only_the_languages_asked_for(demo):
    """`load_demo_content --languages en` (as this module's fixture runs it) makes no translation."""
    from wagtail.models import Page

    assert set(Page.objects.filter(depth__gt=1).values_list("locale__language_code", flat=True)) == {"en"}
    assert set(NavigationMenu.objects.values_list("locale__language_code", flat=True)) == {"en"}
