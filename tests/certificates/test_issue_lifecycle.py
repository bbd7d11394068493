"""After issue: reissue with a corrected name, revoke, account deletion, the personal-data export."""

import json

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import services as account_services
from certificates import services
from certificates.models import Certificate, CertificateRevocation
from certificates.services import CertificateError
from courses import services as course_services
from tests.builders import course_lessons, make_certificate, make_course, make_course_index, make_editor, make_learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), lessons=1, title="Pricing for profit")


@pytest.fixture
def issued(course, django_capture_on_commit_callbacks):
    learner = make_learner(profile={"certificate_name": "Amina Wanjiru"})
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrollment_create(user=learner, course=course)
        course_services.lesson_complete(user=learner, lesson=course_lessons(course)[0])
    return Certificate.objects.get(user=learner)


# --- Reissue ---------------------------------------------------------------------------


def test_a_reissue_carries_the_new_name_and_replaces_the_old_certificate(issued):
    learner = issued.user
    account_services.profile_update(user=learner, data={"certificate_name": "Amina W. Otieno"})

    new = services.certificate_reissue(user=learner, certificate=issued)

    issued.refresh_from_db()
    assert new.pk != issued.pk and new.public_id != issued.public_id
    assert new.recipient_name == "Amina W. Otieno"
    assert (new.achievement_key, new.achievement_name, new.issuer_name, new.hours, new.outcomes) == (
        issued.achievement_key,
        issued.achievement_name,
        issued.issuer_name,
        issued.hours,
        issued.outcomes,
    )
    assert new.status_index != issued.status_index and not new.is_revoked
    assert issued.replaced_at is not None and issued.replaced_by == new and issued.is_revoked
    assert issued.recipient_name == "Amina Wanjiru"  # the old row keeps what it said
    assert list(Certificate.objects.current().filter(user=learner)) == [new]


def test_a_reissue_twice_replaces_once(issued):
    learner = issued.user
    account_services.profile_update(user=learner, data={"certificate_name": "Amina W. Otieno"})
    services.certificate_reissue(user=learner, certificate=issued)
    with pytest.raises(CertificateError, match="already been replaced"):
        services.certificate_reissue(user=learner, certificate=issued)
    assert Certificate.objects.filter(user=learner).count() == 2


def test_a_reissue_needs_a_new_name(issued):
    with pytest.raises(CertificateError, match="already carries the name"):
        services.certificate_reissue(user=issued.user, certificate=issued)
    assert Certificate.objects.count() == 1


def test_nobody_reissues_anothers_certificate(issued):
    other = make_learner(profile={"certificate_name": "Someone Else"})
    with pytest.raises(CertificateError, match="not yours"):
        services.certificate_reissue(user=other, certificate=issued)
    assert Certificate.objects.count() == 1


def test_a_revoked_certificate_is_not_reissued(issued):
    services.certificate_revoke(certificate=issued, by=None, reason="Fraud")
    account_services.profile_update(user=issued.user, data={"certificate_name": "Amina W. Otieno"})
    with pytest.raises(CertificateError, match="revoked"):
        services.certificate_reissue(user=issued.user, certificate=issued)


# --- Revoke ----------------------------------------------------------------------------


def test_revoking_records_the_reason_the_log_and_changes_nothing_the_second_time(issued):
    editor = make_editor()
    services.certificate_revoke(certificate=issued, by=editor, reason="Issued by mistake")
    issued.refresh_from_db()
    revoked_at = issued.revoked_at
    assert revoked_at is not None and issued.revocation_reason == "Issued by mistake" and issued.is_revoked

    services.certificate_revoke(certificate=issued, by=editor, reason="Again")
    issued.refresh_from_db()
    assert (issued.revoked_at, issued.revocation_reason) == (revoked_at, "Issued by mistake")
    assert CertificateRevocation.objects.filter(certificate=issued).count() == 1
    assert ModelLogEntry.objects.filter(action="certificates.revoke", object_id=str(issued.pk)).count() == 1


def test_revoking_needs_a_reason(issued):
    with pytest.raises(CertificateError, match="reason"):
        services.certificate_revoke(certificate=issued, by=None, reason="  ")
    issued.refresh_from_db()
    assert issued.revoked_at is None


def test_a_certificate_revoked_before_its_email_goes_is_not_announced(course, django_capture_on_commit_callbacks):
    from certificates.notifications import certificate_ready_send

    certificate = make_certificate(make_learner(), course=course)
    services.certificate_revoke(certificate=certificate, by=None, reason="Issued by mistake")
    certificate.refresh_from_db()
    assert certificate_ready_send(certificate=certificate) is False
    assert mail.outbox == []


# --- Account deletion ------------------------------------------------------------------


def test_a_deleted_accounts_certificates_are_revoked_and_emptied_of_personal_data(
    issued, django_capture_on_commit_callbacks
):
    learner = issued.user
    issued.pdf_a4.save("amina-a4.pdf", ContentFile(b"%PDF-1.7 Amina"), save=False)
    issued.credential = "eyJhbGciOiJFZERTQSJ9.eyJuYW1lIjoiQW1pbmEifQ.c2ln"
    issued.save()
    storage, name = issued.pdf_a4.storage, issued.pdf_a4.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=learner)

    issued.refresh_from_db()
    assert issued.revoked_at is not None and issued.revocation_reason == services.ACCOUNT_DELETED_REASON
    assert (issued.recipient_name, issued.credential, issued.pdf_a4.name, issued.pdf_letter.name) == ("", "", "", "")
    assert not storage.exists(name)
    assert Certificate.objects.filter(pk=issued.pk).exists()  # its link still answers: revoked
    assert CertificateRevocation.objects.get(certificate=issued).revoked_by is None
    assert not Certificate.objects.filter(recipient_name__contains="Amina").exists()


def test_deleting_an_account_revokes_replaced_certificates_too(issued):
    learner = issued.user
    account_services.profile_update(user=learner, data={"certificate_name": "Amina W. Otieno"})
    services.certificate_reissue(user=learner, certificate=issued)
    account_services.account_delete(user=learner)
    assert set(Certificate.objects.filter(user=learner).values_list("recipient_name", flat=True)) == {""}
    assert not Certificate.objects.filter(user=learner, revoked_at__isnull=True).exists()


# --- Export ----------------------------------------------------------------------------


def test_the_personal_data_export_holds_the_learners_certificates_only(client, issued, course):
    make_certificate(make_learner(), course=course, recipient_name="Somebody Else")
    client.force_login(issued.user)
    data = json.loads(client.post(reverse("accounts:export")).content)
    [exported] = data["certificates"]
    assert exported["public_id"] == issued.public_id
    assert exported["name_printed"] == "Amina Wanjiru"
    assert exported["achievement"] == "Pricing for profit"
    assert exported["revoked_at"] is None and exported["issued_at"] == issued.issued_at.isoformat()
    assert "Somebody Else" not in json.dumps(data)
