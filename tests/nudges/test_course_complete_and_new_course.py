"""The course-complete message is the certificate's email (one mail per completion); new courses are announced once."""

import pytest
from wagtail.signals import page_published

from certificates import tasks as certificate_tasks
from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage
from nudges import services, tasks
from nudges.models import MessageKind, MessageSent
from tests.builders import course_lessons, make_learner
from tests.builders.pages import publish
from tests.nudges.helpers import course_with_terms, mails_to

pytestmark = pytest.mark.django_db


def complete(learner, course, django_capture_on_commit_callbacks):
    course_services.enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course_lessons(course):
            course_services.lesson_complete(user=learner, lesson=lesson)


def test_a_completed_course_sends_one_mail_with_the_certificate_and_the_settings_link(
    catalog, django_capture_on_commit_callbacks
):
    course = course_with_terms(catalog, title="Pricing basics")
    learner = make_learner()

    complete(learner, course, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(user=learner)
    certificate_tasks.certificate_ready_announce.call(certificate_id=certificate.pk)  # a retried task

    [message] = mails_to(learner)
    assert "certificate is ready" in message.subject and "Pricing basics" in message.subject
    assert f"/learning/certificates/{certificate.public_id}/" in message.body
    assert "http://127.0.0.1:8000/accounts/me/messages/" in message.body
    assert MessageSent.objects.get(user=learner).kind == MessageKind.COURSE_COMPLETE


def test_turned_off_the_certificate_is_issued_without_a_mail(catalog, django_capture_on_commit_callbacks):
    course = course_with_terms(catalog)
    learner = make_learner()
    services.preference_update(user=learner, data={"course_complete": False})

    complete(learner, course, django_capture_on_commit_callbacks)

    assert Certificate.objects.filter(user=learner).exists()
    assert mails_to(learner) == [] and not MessageSent.objects.exists()


def test_a_new_course_is_announced_once_to_learners_who_asked_for_its_sector_or_topic(
    catalog, crafts, finance, django_capture_on_commit_callbacks
):
    by_sector = make_learner(profile={"sector": crafts})
    services.preference_update(user=by_sector, data={"new_courses": True})
    by_topic = make_learner()
    services.preference_update(user=by_topic, data={"new_courses": True, "topics": [finance]})
    not_asked = make_learner(profile={"sector": crafts})  # the default: off
    other_sector = make_learner()
    services.preference_update(user=other_sector, data={"new_courses": True})

    with django_capture_on_commit_callbacks(execute=True):
        course = course_with_terms(catalog, title="Selling handmade goods", sectors=[crafts], topics=[finance])
    assert len(mails_to(by_sector)) == len(mails_to(by_topic)) == 1  # the first publication told them
    with django_capture_on_commit_callbacks(execute=True):
        publish(CoursePage.objects.get(pk=course.pk))  # a second publication: not new
        page_published.send(sender=CoursePage, instance=course, revision=course.live_revision)  # a replay
    tasks.new_course_announce.call(course_id=course.pk)  # a retried task

    for learner in (by_sector, by_topic):
        [message] = mails_to(learner)
        assert message.subject == "New course: Selling handmade goods"
        assert f"http://127.0.0.1:8000{course.url}" in message.body
        assert "/accounts/me/messages/" in message.body
    assert mails_to(not_asked) == [] and mails_to(other_sector) == []


def test_a_course_first_published_unrelated_or_enrolled_learners_hear_nothing(catalog, crafts):
    course = course_with_terms(catalog, sectors=[crafts])
    enrolled = make_learner(profile={"sector": crafts})
    services.preference_update(user=enrolled, data={"new_courses": True})
    course_services.enrollment_create(user=enrolled, course=course)

    assert tasks.new_course_announce.call(course_id=course.pk) == 0


def test_announcements_over_the_daily_cap_are_dropped(catalog, crafts):
    learner = make_learner(profile={"sector": crafts})
    services.preference_update(user=learner, data={"new_courses": True})
    courses = [course_with_terms(catalog, sectors=[crafts]) for _ in range(services.DAILY_CAP + 1)]

    sent = [tasks.new_course_announce.call(course_id=course.pk) for course in courses]

    assert sent == [1] * services.DAILY_CAP + [0]
    assert len(mails_to(learner)) == services.DAILY_CAP
