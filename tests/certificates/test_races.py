"""Double taps and parallel tabs on the last step: one certificate, one email, on SQLite and PostgreSQL."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from assessments import services as assessment_services
from certificates.models import Certificate, CertificateKind
from courses import services as course_services
from tests.builders import (
    QuizSetup,
    course_lessons,
    make_course,
    make_course_index,
    make_home,
    make_learner,
    make_program,
    make_program_index,
)
from tests.threads import THREADS, run_at_once


def signed_in_clients(user):
    """One browser per racing request, each with its own session, signed in before the race."""
    clients = [Client() for _ in range(THREADS)]
    for client in clients:
        client.force_login(user)
    return clients


def post_at_once(clients, url, data=None):
    """POST `url` from every client at the same moment; return the status codes."""
    statuses = [None] * THREADS

    def post(i):
        statuses[i] = clients[i].post(url, data or {}).status_code

    assert run_at_once(post) == []
    return statuses


pytestmark = pytest.mark.django_db(transaction=True)
REPEATS = range(3)


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_last_lesson_from_16_threads_issues_one_certificate_and_one_email(repeat):
    course = make_course(make_course_index(make_home()), lessons=2)
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    first, last = course_lessons(course)
    course_services.lesson_complete(user=learner, lesson=first)

    assert run_at_once(lambda i: course_services.lesson_complete(user=learner, lesson=last)) == []

    assert Certificate.objects.filter(user=learner).count() == 1
    assert len([message for message in mail.outbox if message.to == [learner.email]]) == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_16_last_lessons_at_once_issue_one_certificate_and_one_email(repeat):
    course = make_course(make_course_index(make_home()), lessons=THREADS)
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    lessons = course_lessons(course)

    assert run_at_once(lambda i: course_services.lesson_complete(user=learner, lesson=lessons[i])) == []

    assert Certificate.objects.filter(user=learner).count() == 1
    assert len([message for message in mail.outbox if message.to == [learner.email]]) == 1


@pytest.mark.parametrize("repeat", REPEATS)
def test_the_last_quiz_passed_from_16_threads_issues_one_certificate_and_one_email(repeat):
    setup = QuizSetup(make_home())
    for lesson in setup.lessons:
        course_services.lesson_complete(user=setup.learner, lesson=lesson)
    data = setup.answers(right=True)

    def submit(i):
        assessment_services.attempt_submit(user=setup.learner, quiz=setup.quiz, data=data, attempt_number="1")

    assert run_at_once(submit) == []

    assert Certificate.objects.filter(user=setup.learner).count() == 1
    assert len([message for message in mail.outbox if message.to == [setup.learner.email]]) == 1


@pytest.mark.parametrize("repeat", range(5))
def test_a_programs_last_two_courses_completed_at_once_issue_one_program_certificate(repeat):
    """Each completion locks only its own enrolment; the learner's row lock makes the second see the first."""
    home = make_home()
    catalog = make_course_index(home)
    courses = [make_course(catalog, lessons=2), make_course(catalog, lessons=2)]
    make_program(make_program_index(home), courses=courses)
    learner = make_learner()
    last_lessons = []
    for course in courses:
        course_services.enrollment_create(user=learner, course=course)
        first, last = course_lessons(course)
        course_services.lesson_complete(user=learner, lesson=first)
        last_lessons.append(last)

    assert run_at_once(lambda i: course_services.lesson_complete(user=learner, lesson=last_lessons[i % 2])) == []

    assert Certificate.objects.filter(user=learner, kind=CertificateKind.COURSE).count() == 2
    assert Certificate.objects.filter(user=learner, kind=CertificateKind.PROGRAM).count() == 1
    assert len([message for message in mail.outbox if message.to == [learner.email]]) == 3


def test_the_last_lesson_posted_by_16_requests_at_once_issues_one_certificate_and_one_email():
    course = make_course(make_course_index(make_home()), lessons=2)
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    first, last = course_lessons(course)
    course_services.lesson_complete(user=learner, lesson=first)

    statuses = post_at_once(signed_in_clients(learner), reverse("courses:complete_lesson", args=[last.pk]))

    assert all(status < 500 for status in statuses), statuses
    assert Certificate.objects.filter(user=learner).count() == 1
    assert len([message for message in mail.outbox if message.to == [learner.email]]) == 1


def test_the_last_quiz_posted_by_16_requests_at_once_issues_one_certificate_and_one_email():
    setup = QuizSetup(make_home())
    for lesson in setup.lessons:
        course_services.lesson_complete(user=setup.learner, lesson=lesson)
    data = setup.answers(right=True)

    statuses = post_at_once(signed_in_clients(setup.learner), reverse("assessments:submit", args=[setup.quiz.pk]), data)

    assert all(status < 500 for status in statuses), statuses
    assert Certificate.objects.filter(user=setup.learner).count() == 1
    assert len([message for message in mail.outbox if message.to == [setup.learner.email]]) == 1
