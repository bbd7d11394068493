"""The rules of enrolment and progress, as courses/services.py enforces them."""

import pytest
from django.db.models import ProtectedError
from wagtail.models import Locale, PageViewRestriction

from courses import selectors, services
from courses.models import Enrollment, LessonCompletion
from tests.builders import course_lessons, make_course, make_course_index, make_learner, make_lesson, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(home):
    return make_course_index(home)


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=4, title="Price your products")


def progress_of(user, course):
    return selectors.course_detail_get(course=course, user=user).progress


def test_enrolling_twice_keeps_one_enrolment(course):
    learner = make_learner()
    first = services.enrollment_create(user=learner, course=course)
    second = services.enrollment_create(user=learner, course=course)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("closure", ["draft", "private"])
def test_a_draft_or_private_course_cannot_be_joined(course, closure):
    if closure == "draft":
        course.unpublish()
    else:
        PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    course.refresh_from_db()
    with pytest.raises(services.LearningError):
        services.enrollment_create(user=make_learner(), course=course)
    assert Enrollment.objects.count() == 0


def test_completing_twice_counts_once(course):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lesson = course_lessons(course)[0]
    services.lesson_complete(user=learner, lesson=lesson)
    services.lesson_complete(user=learner, lesson=lesson)
    assert LessonCompletion.objects.count() == 1
    assert progress_of(learner, course).done == 1


def test_a_lesson_of_a_course_you_are_not_in_is_refused(catalog, course):
    learner = make_learner()
    other = make_course(catalog, lessons=2)
    services.enrollment_create(user=learner, course=course)
    with pytest.raises(services.LearningError):
        services.lesson_complete(user=learner, lesson=course_lessons(other)[0])
    with pytest.raises(services.LearningError):
        services.lesson_complete(user=make_learner(), lesson=course_lessons(course)[0])
    assert LessonCompletion.objects.count() == 0


@pytest.mark.parametrize("closure", ["draft", "private", "course_unpublished"])
def test_a_closed_lesson_is_refused_with_no_row(course, closure):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lesson = course_lessons(course)[1]
    if closure == "draft":
        lesson.unpublish()
    elif closure == "private":
        PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="x")
    else:
        course.unpublish()
    lesson.refresh_from_db()
    with pytest.raises(services.LearningError):
        services.lesson_complete(user=learner, lesson=lesson)
    assert LessonCompletion.objects.count() == 0


def test_course_completion_is_recorded_once_when_every_required_lesson_is_done(course):
    learner = make_learner()
    enrollment = services.enrollment_create(user=learner, course=course)
    lessons = course_lessons(course)
    optional = make_lesson(lessons[0].get_parent(), title="Going further", is_required=False)
    for lesson in lessons[:-1]:
        services.lesson_complete(user=learner, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None

    services.lesson_complete(user=learner, lesson=lessons[-1])
    enrollment.refresh_from_db()
    completed_at = enrollment.completed_at
    assert completed_at is not None
    assert progress_of(learner, course).percent == 100

    services.lesson_complete(user=learner, lesson=optional)
    services.lesson_complete(user=learner, lesson=lessons[0])
    enrollment.refresh_from_db()
    assert enrollment.completed_at == completed_at


def test_adding_a_lesson_lowers_the_percentage_and_keeps_completions(course):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lessons = course_lessons(course)
    for lesson in lessons[:2]:
        services.lesson_complete(user=learner, lesson=lesson)
    assert progress_of(learner, course).percent == 50

    make_lesson(lessons[0].get_parent(), title="A new lesson")
    progress = progress_of(learner, course)
    assert (progress.done, progress.total, progress.percent) == (2, 5, 40)
    assert LessonCompletion.objects.count() == 2


def test_deleting_a_lesson_keeps_the_learners_history(course):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lesson = course_lessons(course)[0]
    services.lesson_complete(user=learner, lesson=lesson)
    lesson.delete()
    completion = LessonCompletion.objects.get()
    assert completion.lesson is None
    assert completion.lesson_title == "Lesson 1 of Price your products"
    assert progress_of(learner, course).total == 3


def test_a_course_with_learners_cannot_be_deleted_silently(course):
    services.enrollment_create(user=make_learner(), course=course)
    with pytest.raises(ProtectedError):
        course.delete()
    assert Enrollment.objects.count() == 1


def test_leaving_and_coming_back_keeps_completions(course):
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lessons = course_lessons(course)
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.enrollment_leave(user=learner, course=course)
    with pytest.raises(services.LearningError):
        services.lesson_complete(user=learner, lesson=lessons[1])
    assert selectors.dashboard_get(user=learner).in_progress == []

    services.enrollment_create(user=learner, course=course)
    assert Enrollment.objects.get().left_at is None
    assert progress_of(learner, course).done == 1
    assert progress_of(learner, course).next_step == lessons[1]


def test_records_follow_a_course_into_its_translation(course):
    """An enrolment on the English course holds on the French one, with the same completions."""
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    english = course_lessons(course)
    services.lesson_complete(user=learner, lesson=english[0])

    french = Locale.objects.create(language_code="fr")
    home_fr = course.get_parent().get_parent().copy_for_translation(french)
    home_fr.save_revision().publish()
    catalog_fr = course.get_parent().copy_for_translation(french)
    catalog_fr.save_revision().publish()
    course_fr = course.copy_for_translation(french)
    course_fr.title = "Fixer ses prix"
    course_fr.save_revision().publish()
    for module in course.get_children():
        module.specific.copy_for_translation(french).save_revision().publish()
    lessons_fr = []
    for lesson in english:
        lessons_fr.append(publish(lesson.copy_for_translation(french)))

    course_fr.refresh_from_db()
    progress = progress_of(learner, course_fr)
    assert (progress.done, progress.total) == (1, 4)
    assert progress.next_step.locale == french

    services.lesson_complete(user=learner, lesson=lessons_fr[1])
    assert Enrollment.objects.count() == 1
    assert progress_of(learner, course).done == 2
    services.enrollment_create(user=learner, course=course_fr)
    assert Enrollment.objects.count() == 1
