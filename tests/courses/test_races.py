"""Double taps and parallel tabs: 16 threads at once, on SQLite and PostgreSQL alike."""

import pytest

from courses import selectors, services
from courses.models import Enrollment, LessonCompletion
from tests.builders import course_lessons, make_course, make_course_index, make_home, make_learner
from tests.threads import THREADS, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)
REPEATS = range(5)


@pytest.fixture
def course():
    return make_course(make_course_index(make_home()), lessons=THREADS)


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_same_enrolment_from_16_threads_makes_one_row(course, repeat):
    learner = make_learner()
    assert run_at_once(lambda i: services.enrollment_create(user=learner, course=course)) == []
    assert Enrollment.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_same_lesson_completed_from_16_threads_makes_one_row(course, repeat):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lesson = course_lessons(course)[0]
    assert run_at_once(lambda i: services.lesson_complete(user=learner, lesson=lesson)) == []
    assert LessonCompletion.objects.filter(enrollment__user=learner).count() == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_16_lessons_completed_at_once_all_count_and_complete_the_course_once(course, repeat):
    learner = make_learner()
    enrollment = services.enrollment_create(user=learner, course=course)
    lessons = course_lessons(course)
    assert run_at_once(lambda i: services.lesson_complete(user=learner, lesson=lessons[i])) == []

    assert LessonCompletion.objects.filter(enrollment=enrollment).count() == THREADS
    progress = selectors.course_detail_get(course=course, user=learner).progress
    assert (progress.done, progress.total, progress.percent) == (THREADS, THREADS, 100)
    enrollment.refresh_from_db()
    completed_at = enrollment.completed_at
    assert completed_at is not None

    # A second wave of the same completions neither adds rows nor moves the completion time.
    assert run_at_once(lambda i: services.lesson_complete(user=learner, lesson=lessons[i])) == []
    enrollment.refresh_from_db()
    assert enrollment.completed_at == completed_at
    assert LessonCompletion.objects.filter(enrollment=enrollment).count() == THREADS
