"""Every write to enrolments and lesson completions: transactional, idempotent, race-safe."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.learner_cache import learner_cache_bump
from base.pages import page_is_open
from courses import selectors
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage
from courses.signals import course_completed


class LearningError(Exception):
    """A rule of learning was broken; the message is for the learner."""


def lesson_course_get(lesson: LessonPage) -> CoursePage:
    """The course a lesson belongs to (its module's parent), whatever its language."""
    course = CoursePage.objects.ancestor_of(lesson).first()
    if course is None:
        raise LearningError(_("This lesson is not part of a course."))
    return course


@transaction.atomic
def enrollment_create(*, user, course: CoursePage) -> Enrollment:
    """Enrol `user` in `course` (in all its languages); enrolling again, or after leaving, is fine."""
    if not page_is_open(course):
        raise LearningError(_("This course is not open for enrolment."))
    enrollment, created = Enrollment.objects.get_or_create(
        user=user, course_key=course.translation_key, defaults={"course": course}
    )
    if not created and enrollment.left_at is not None:
        Enrollment.objects.filter(pk=enrollment.pk).update(left_at=None)
        learner_cache_bump(user.pk)  # an update sends no post_save
        enrollment.left_at = None
    return enrollment


@transaction.atomic
def enrollment_leave(*, user, course: CoursePage) -> Enrollment | None:
    """Leave a course; completions stay, so re-enrolling picks up where the learner was."""
    enrollment = Enrollment.objects.filter(user=user, course_key=course.translation_key).first()
    if enrollment is None:
        return None
    Enrollment.objects.filter(pk=enrollment.pk, left_at__isnull=True).update(left_at=timezone.now())
    learner_cache_bump(user.pk)  # an update sends no post_save
    enrollment.refresh_from_db()
    return enrollment


def enrollment_lock(*, user, course: CoursePage) -> Enrollment | None:
    """The learner's active enrolment, locked until the transaction ends, so their writes queue."""
    return (
        Enrollment.objects.select_for_update()
        .filter(user=user, course_key=course.translation_key, left_at__isnull=True)
        .first()
    )


@transaction.atomic
def lesson_complete(*, user, lesson) -> LessonCompletion:
    """Mark a lesson (or a passed quiz) done for an enrolled learner; a second call finds the same row.

    The enrolment row is locked first, so completions of one learner's course happen one after
    another and the course's completion time is written exactly once.
    """
    if not user.is_authenticated:
        raise LearningError(_("Log in to record your progress."))
    if not page_is_open(lesson):
        raise LearningError(_("This lesson is not available."))
    course = lesson_course_get(lesson)
    if not page_is_open(course):
        raise LearningError(_("This course is not available."))
    enrollment = enrollment_lock(user=user, course=course)
    if enrollment is None:
        raise LearningError(_("Enrol in the course to record your progress."))
    completion, _created = LessonCompletion.objects.get_or_create(
        enrollment=enrollment,
        lesson_key=lesson.translation_key,
        defaults={"lesson": lesson if isinstance(lesson, LessonPage) else None, "lesson_title": lesson.title[:255]},
    )
    enrollment_completion_check(enrollment=enrollment, course=course)
    return completion


def enrollment_completion_check(*, enrollment: Enrollment, course: CoursePage) -> bool:
    """Record the course as completed, once, when every required step is done.

    The one completion path: lessons, passed quizzes and any later step kind (an assignment
    review, an admin action) must call it with the enrolment locked. When it writes the
    completion time it sends `course_completed` in the same transaction, so what hangs on a
    completion (the certificate) is written, or rolled back, with it.
    """
    if enrollment.completed_at is not None:
        return True
    required = {lesson.translation_key for lesson in selectors.course_step_list(course) if lesson.is_required}
    done = set(enrollment.completions.values_list("lesson_key", flat=True))
    if not required or not required <= done:
        return False
    now = timezone.now()
    updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(completed_at=now)
    if updated:
        enrollment.completed_at = now
        learner_cache_bump(enrollment.user_id)  # an update sends no post_save
        course_completed.send(sender=Enrollment, enrollment=enrollment, course=course)
    return True
