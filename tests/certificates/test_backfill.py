"""The backfill: completions recorded before certificates existed get theirs, once."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from certificates.models import Certificate, CertificateKind
from courses.models import Enrollment
from tests.builders import make_course, make_course_index, make_learner, make_program, make_program_index

pytestmark = pytest.mark.django_db


def completed(user, course, *, done=True):
    """An enrolment as it was stored before certificates: written directly, no signal sent."""
    return Enrollment.objects.create(
        user=user, course=course, course_key=course.translation_key, completed_at=timezone.now() if done else None
    )


def backfill() -> str:
    out = StringIO()
    call_command("certificates_issue_missing", stdout=out)
    return out.getvalue()


def test_the_backfill_issues_missing_certificates_once(home, django_capture_on_commit_callbacks):
    catalog = make_course_index(home)
    first, second, third = (make_course(catalog, lessons=1) for _ in range(3))
    make_program(make_program_index(home), courses=[first, second])
    amina, oscar = make_learner(), make_learner()
    completed(amina, first)
    completed(amina, second)
    completed(oscar, first)
    completed(oscar, third, done=False)  # still learning: nothing

    with django_capture_on_commit_callbacks(execute=True):
        assert backfill().strip() == "Issued 3 course certificate(s) and 1 program certificate(s)."

    assert Certificate.objects.filter(user=amina, kind=CertificateKind.COURSE).count() == 2
    assert Certificate.objects.filter(user=amina, kind=CertificateKind.PROGRAM).count() == 1
    assert list(Certificate.objects.filter(user=oscar).values_list("achievement_key", flat=True)) == [
        first.translation_key
    ]
    assert len(mail.outbox) == 4

    with django_capture_on_commit_callbacks(execute=True):
        assert backfill().strip() == "Issued 0 course certificate(s) and 0 program certificate(s)."
    assert Certificate.objects.count() == 4
    assert len(mail.outbox) == 4


def test_a_program_added_after_its_courses_were_certified_is_backfilled(home):
    catalog = make_course_index(home)
    first, second = make_course(catalog, lessons=1), make_course(catalog, lessons=1)
    learner = make_learner()
    completed(learner, first)
    completed(learner, second)
    backfill()
    assert not Certificate.objects.filter(kind=CertificateKind.PROGRAM).exists()

    make_program(make_program_index(home), courses=[first, second])
    assert backfill().strip() == "Issued 0 course certificate(s) and 1 program certificate(s)."
