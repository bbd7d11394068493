"""Small helpers of the nudges tests: time travel for records, and the mails one learner got."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from courses import services as course_services
from courses.models import LessonCompletion
from tests.builders import course_lessons, make_course
from tests.builders.pages import publish


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def stalled(user, course, *, days=8, lessons_done=1):
    """`user` enrolled in `course` and did `lessons_done` lessons, all `days` ago."""
    enrollment = course_services.enrollment_create(user=user, course=course)
    for lesson in course_lessons(course)[:lessons_done]:
        course_services.lesson_complete(user=user, lesson=lesson)
    LessonCompletion.objects.filter(enrollment=enrollment).update(completed_at=days_ago(days))
    type(enrollment).objects.filter(pk=enrollment.pk).update(enrolled_at=days_ago(days + 1))
    return enrollment


def course_with_terms(parent, *, sectors=(), topics=(), live=True, lessons=2, **fields):
    """A course tagged with `sectors` and `topics`, published (its first publication) unless live=False."""
    course = make_course(parent, live=False, lessons=lessons, **fields)
    course.sectors = list(sectors)
    course.topics = list(topics)
    course.save()
    if live:
        publish(course)
    return course
