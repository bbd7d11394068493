"""Issuing: once, when an enrolment completes (last lesson, last passed quiz), frozen, with programs."""

from decimal import Decimal

import pytest
from django.core import mail
from wagtail.models import Locale

from accounts import services as account_services
from assessments import services as assessment_services
from certificates import services
from certificates.models import STATUS_LIST_LENGTH, Certificate, CertificateKind
from courses import services as course_services
from courses.models import Enrollment
from tests.builders import (
    QuizSetup,
    course_lessons,
    make_certificate,
    make_course,
    make_course_index,
    make_learner,
    make_lesson,
    make_partner,
    make_program,
    make_program_index,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(home):
    return make_course_index(home)


def complete(learner, course, lessons=None):
    course_services.enrollment_create(user=learner, course=course)
    for lesson in lessons if lessons is not None else course_lessons(course):
        course_services.lesson_complete(user=learner, lesson=lesson)


def test_the_last_lesson_issues_the_course_certificate(catalog, django_capture_on_commit_callbacks):
    course = make_course(catalog, lessons=2, estimated_hours=Decimal("3.5"), summary="Costs, then prices.")
    course.outcomes = [("outcome", "Price a product from its costs"), ("outcome", "Count every sale")]
    publish(course)
    learner = make_learner(profile={"certificate_name": "Amina Wanjiru"})
    first, last = course_lessons(course)
    course_services.enrollment_create(user=learner, course=course)
    course_services.lesson_complete(user=learner, lesson=first)
    assert not Certificate.objects.exists()  # not before every required step is done

    with django_capture_on_commit_callbacks(execute=True):
        course_services.lesson_complete(user=learner, lesson=last)

    certificate = Certificate.objects.get()
    assert certificate.user == learner
    assert certificate.kind == CertificateKind.COURSE
    assert certificate.achievement_key == course.translation_key
    assert certificate.enrollment == Enrollment.objects.get(user=learner)
    assert certificate.recipient_name == "Amina Wanjiru"
    assert certificate.achievement_name == course.title
    assert certificate.achievement_description == "Costs, then prices."
    assert certificate.outcomes == ["Price a product from its costs", "Count every sale"]
    assert certificate.hours == Decimal("3.5")
    assert certificate.issuer_name == "SME Academy"  # no partner above the course: the organisation
    assert certificate.language == "en"
    assert 0 <= certificate.status_index < STATUS_LIST_LENGTH
    assert len(certificate.public_id) >= 22 and not certificate.is_revoked

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert course.title in message.subject and "certificate is ready" in message.subject
    assert f"http://127.0.0.1:8000/learning/certificates/{certificate.public_id}/" in message.body
    certificate.refresh_from_db()
    assert certificate.notified_at is not None


def test_the_last_passed_quiz_issues_the_certificate_and_a_failed_one_does_not(home):
    setup = QuizSetup(home)
    for lesson in setup.lessons:
        course_services.lesson_complete(user=setup.learner, lesson=lesson)
    assert not Certificate.objects.exists()

    assessment_services.attempt_submit(
        user=setup.learner, quiz=setup.quiz, data=setup.answers(right=False), attempt_number="1"
    )
    assert not Certificate.objects.exists()
    assessment_services.attempt_submit(
        user=setup.learner, quiz=setup.quiz, data=setup.answers(right=True, number=2), attempt_number="2"
    )
    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.achievement_key) == (setup.learner, setup.course.translation_key)


def test_optional_steps_do_not_block_the_certificate(catalog):
    course = make_course(catalog, lessons=2)
    make_lesson(course_lessons(course)[0].get_parent(), title="Further reading", is_required=False)
    learner = make_learner()
    required = [lesson for lesson in course_lessons(course) if lesson.is_required]
    complete(learner, course, required)
    assert Certificate.objects.filter(user=learner).count() == 1


def test_a_second_issue_finds_the_same_certificate(catalog, django_capture_on_commit_callbacks):
    course = make_course(catalog, lessons=1)
    learner = make_learner()
    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)
    enrollment = Enrollment.objects.get(user=learner)
    certificate = Certificate.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        again = services.certificate_issue_for_enrollment(enrollment=enrollment)
        course_services.lesson_complete(user=learner, lesson=course_lessons(course)[0])
    assert again == certificate
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_incomplete_enrolment_gets_no_certificate(catalog):
    course = make_course(catalog, lessons=2)
    learner = make_learner()
    course_services.enrollment_create(user=learner, course=course)
    assert services.certificate_issue_for_enrollment(enrollment=Enrollment.objects.get(user=learner)) is None
    assert not Certificate.objects.exists()


def test_the_printed_name_is_frozen_at_issue(catalog):
    course = make_course(catalog, lessons=1)
    learner = make_learner(profile={"certificate_name": "Amina Wanjiru"})
    complete(learner, course)
    title = course.title
    account_services.profile_update(user=learner, data={"certificate_name": "Amina W. Otieno"})
    course.title = "A new title"
    publish(course)
    certificate = Certificate.objects.get()
    assert (certificate.recipient_name, certificate.achievement_name) == ("Amina Wanjiru", title)


@pytest.mark.parametrize(
    ("extra", "profile", "expected"),
    [
        ({"first_name": "Amina", "last_name": "Wanjiru"}, {"certificate_name": "Dr Amina Wanjiru"}, "Dr Amina Wanjiru"),
        ({"first_name": "Amina", "last_name": "Wanjiru"}, None, "Amina Wanjiru"),
        ({}, {"display_name": "Amina"}, "Amina"),
        ({}, None, "amina.w"),
    ],
)
def test_the_printed_name_falls_back_but_is_never_empty(catalog, extra, profile, expected):
    course = make_course(catalog, lessons=1)
    learner = make_learner(email="amina.w@example.org", profile=profile, **extra)
    complete(learner, course)
    assert Certificate.objects.get().recipient_name == expected


def test_a_partner_course_is_issued_by_the_partner(home):
    partner = make_partner(home, title="University of Nairobi")
    course = make_course(partner, lessons=1)
    learner = make_learner()
    complete(learner, course)
    assert Certificate.objects.get().issuer_name == "University of Nairobi"


def test_the_certificate_is_in_the_learners_language_when_the_course_is(catalog, django_capture_on_commit_callbacks):
    course = make_course(catalog, lessons=1)
    french = Locale.objects.create(language_code="fr")
    for page in (catalog.get_parent(), catalog):
        page.specific.copy_for_translation(french).save_revision().publish()
    course_fr = course.copy_for_translation(french)
    course_fr.title = "Fixer ses prix"
    course_fr.save_revision().publish()
    learner = make_learner(profile={"preferred_language": "fr"})

    with django_capture_on_commit_callbacks(execute=True):
        complete(learner, course)  # enrolled and learnt on the English pages

    certificate = Certificate.objects.get()
    assert (certificate.language, certificate.achievement_name) == ("fr", "Fixer ses prix")
    assert certificate.course.pk == course_fr.pk
    message = mail.outbox[0]
    assert "Fixer ses prix" in message.subject and "certificat" in message.subject.lower()
    assert f"/fr/learning/certificates/{certificate.public_id}/" in message.body


def test_the_last_course_of_a_program_issues_the_program_certificate_once(home):
    catalog = make_course_index(home)
    first = make_course(catalog, lessons=1, estimated_hours=Decimal("2"))
    second = make_course(catalog, lessons=1, estimated_hours=Decimal("3.5"))
    other = make_course(catalog, lessons=1)
    program = make_program(
        make_program_index(home), courses=[first, second], outcomes="<ul><li>Run the books</li><li>Set prices</li></ul>"
    )
    learner = make_learner(profile={"certificate_name": "Amina Wanjiru"})

    complete(learner, first)
    complete(learner, other)
    assert not Certificate.objects.filter(kind=CertificateKind.PROGRAM).exists()
    complete(learner, second)

    certificate = Certificate.objects.get(kind=CertificateKind.PROGRAM)
    assert certificate.program.pk == program.pk and certificate.course is None and certificate.enrollment is None
    assert certificate.achievement_key == program.translation_key
    assert certificate.hours == Decimal("5.5")
    assert certificate.outcomes == ["Run the books", "Set prices"]
    assert certificate.issuer_name == "SME Academy"
    assert certificate.recipient_name == "Amina Wanjiru"
    assert Certificate.objects.filter(user=learner, kind=CertificateKind.COURSE).count() == 3

    services.certificate_issue_for_enrollment(enrollment=Enrollment.objects.get(user=learner, course=second))
    assert Certificate.objects.filter(kind=CertificateKind.PROGRAM).count() == 1


def test_a_draft_program_issues_nothing(home):
    catalog = make_course_index(home)
    course = make_course(catalog, lessons=1)
    program = make_program(make_program_index(home), courses=[course])
    program.unpublish()
    complete(make_learner(), course)
    assert not Certificate.objects.filter(kind=CertificateKind.PROGRAM).exists()


def test_the_ready_email_goes_once_even_when_the_task_runs_again(catalog, django_capture_on_commit_callbacks):
    from certificates.tasks import certificate_ready_announce

    course = make_course(catalog, lessons=1)
    with django_capture_on_commit_callbacks(execute=True):
        complete(make_learner(), course)
    certificate = Certificate.objects.get()
    certificate_ready_announce.enqueue(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1


def test_a_status_index_already_taken_is_drawn_again(catalog, monkeypatch):
    taken = make_certificate(make_learner(), course=make_course(catalog, lessons=1), status_index=7)
    draws = iter([7, 7, 8])
    monkeypatch.setattr(services.secrets, "randbelow", lambda n: next(draws))  # chance, the outside world
    course = make_course(catalog, lessons=1)
    complete(make_learner(), course)
    assert Certificate.objects.get(achievement_key=course.translation_key).status_index == 8
    assert Certificate.objects.get(pk=taken.pk).status_index == 7
