""" "Continue where you left off": after a week away from an unfinished course, once per course, once a week."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from courses import services as course_services
from courses.models import Enrollment, LessonCompletion
from nudges import services, tasks
from nudges.models import MessageKind, MessageSent
from tests.builders import course_lessons, make_learner, make_translation
from tests.nudges.helpers import course_with_terms, days_ago, mails_to, stalled

pytestmark = pytest.mark.django_db


def test_a_learner_away_for_a_week_is_reminded_of_the_course_once(catalog):
    course = course_with_terms(catalog, title="Pricing basics")
    course_lessons_extra = course_with_terms(catalog, title="Other")  # not enrolled: never named
    learner = make_learner(profile={"display_name": "Amina"})
    stalled(learner, course)

    call_command("nudges_send_due")  # the daily scan, queued (run at once by the tests' backend)
    tasks.continue_scan.call()  # the next day's run, or a retry

    [message] = mails_to(learner)
    assert "Continue where you left off: Pricing basics" == message.subject
    assert "Hello Amina," in message.body
    assert f"http://127.0.0.1:8000{course.url}" in message.body
    assert "http://127.0.0.1:8000/accounts/me/messages/" in message.body
    assert course_lessons_extra.title not in message.body
    assert MessageSent.objects.get(user=learner).key == str(course.translation_key)


def test_the_reminder_names_the_course_in_the_learners_language(catalog):
    course = course_with_terms(catalog, title="Pricing basics")
    make_translation(catalog.get_parent(), "fr")
    make_translation(catalog, "fr")
    french = make_translation(course, "fr", title="Fixer ses prix", slug="prix")
    learner = make_learner(profile={"preferred_language": "fr"})
    stalled(learner, course)

    tasks.continue_scan.call()

    [message] = mails_to(learner)
    assert "Fixer ses prix" in message.subject
    assert french.url in message.body and "/fr/accounts/me/messages/" in message.body


def test_at_most_one_reminder_a_week_and_one_per_course_ever(catalog):
    first, second = course_with_terms(catalog, title="First"), course_with_terms(catalog, title="Second")
    learner = make_learner()
    stalled(learner, first, days=9)
    stalled(learner, second, days=10)

    tasks.continue_scan.call()
    tasks.continue_scan.call()
    assert [m.subject for m in mails_to(learner)] == ["Continue where you left off: First"]

    MessageSent.objects.filter(user=learner).update(sent_at=days_ago(8))  # a week later
    tasks.continue_scan.call()
    MessageSent.objects.filter(user=learner).update(sent_at=days_ago(8))
    tasks.continue_scan.call()  # both courses were named once: nothing more, ever
    assert [m.subject for m in mails_to(learner)] == [
        "Continue where you left off: First",
        "Continue where you left off: Second",
    ]


def test_no_reminder_for_a_finished_left_recent_or_busy_learner(catalog):
    course, other = course_with_terms(catalog, title="Course"), course_with_terms(catalog, title="Other")
    finished = make_learner()
    course_services.enrollment_create(user=finished, course=course)
    for lesson in course_lessons(course):
        course_services.lesson_complete(user=finished, lesson=lesson)
    Enrollment.objects.filter(user=finished).update(enrolled_at=days_ago(20))
    LessonCompletion.objects.filter(enrollment__user=finished).update(completed_at=days_ago(10))
    assert Enrollment.objects.get(user=finished).completed_at is not None
    left = make_learner()
    stalled(left, course)
    course_services.enrollment_leave(user=left, course=course)
    recent = make_learner()
    stalled(recent, course, days=3)
    busy = make_learner()  # away from one course, but learning in another this week
    stalled(busy, course)
    stalled(busy, other, days=1)
    quiet = make_learner()
    stalled(quiet, course)
    services.preference_update(user=quiet, data={"continue_learning": False})

    assert tasks.continue_scan.call() == 0
    assert not MessageSent.objects.exists()


def test_over_the_daily_cap_the_reminder_waits_for_a_later_scan(catalog):
    course = course_with_terms(catalog, title="Course")
    learner = make_learner()
    stalled(learner, course)
    for n in range(services.DAILY_CAP):
        MessageSent.objects.create(user=learner, kind=MessageKind.NEW_COURSE, key=f"course-{n}")

    assert tasks.continue_scan.call() == 0
    MessageSent.objects.filter(user=learner).update(sent_at=days_ago(1) - timedelta(minutes=1))
    assert tasks.continue_scan.call() == 1
    assert len(mails_to(learner)) == 1
