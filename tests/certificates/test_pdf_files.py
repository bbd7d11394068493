"""Stored documents: both PDFs and the signed credential, under unguessable names, replaced on regeneration."""

import io

import jwt
import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from pypdf import PdfReader

from certificates.credentials import credential_verify
from certificates.files import (
    certificate_credential_download,
    certificate_files_store,
    certificate_pdf_download,
    certificate_pdf_get,
)
from certificates.models import Certificate
from tests.builders import make_certificate, make_course, make_course_index, make_learner


@pytest.fixture
def certificate(home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_certificate(make_learner(), course=make_course(make_course_index(home)))


def page_text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_store_writes_both_pdfs_and_the_signed_credential(certificate):
    certificate_files_store(certificate)
    stored = Certificate.objects.get(pk=certificate.pk)
    for field in (stored.pdf_a4, stored.pdf_letter):
        assert field.name.startswith("certificates/") and field.name.endswith(".pdf")
        assert certificate.public_id not in field.name  # not guessable from the public id
        assert len(field.name) > len("certificates/.pdf") + 30
        assert default_storage.exists(field.name)
    assert stored.pdf_a4.name != stored.pdf_letter.name
    assert credential_verify(stored.credential)["id"].endswith(f"/verify/{certificate.public_id}/")


def test_storing_again_replaces_the_files_and_deletes_the_old_ones(certificate):
    certificate_files_store(certificate)
    first = Certificate.objects.get(pk=certificate.pk)
    old_names = [first.pdf_a4.name, first.pdf_letter.name]

    first.revoked_at = timezone.now()
    first.save(update_fields=["revoked_at"])
    certificate_files_store(first)
    second = Certificate.objects.get(pk=certificate.pk)
    assert {second.pdf_a4.name, second.pdf_letter.name}.isdisjoint(old_names)
    assert not any(default_storage.exists(name) for name in old_names)
    assert "REVOKED on" in page_text(certificate_pdf_get(second, "a4"))


def test_storing_never_undoes_a_revocation_written_meanwhile(certificate):
    stale = Certificate.objects.get(pk=certificate.pk)
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now())
    certificate_files_store(stale)
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is not None


def test_pdf_is_rendered_on_demand_before_it_is_stored(certificate):
    pdf = certificate_pdf_get(certificate, "letter")
    assert certificate.public_id in page_text(pdf)
    content, content_type, file_name = certificate_pdf_download(certificate, "a4")
    assert content.startswith(b"%PDF-")
    assert content_type == "application/pdf"
    assert file_name == f"certificate-{certificate.public_id}-a4.pdf"
    with pytest.raises(ValueError):
        certificate_pdf_get(certificate, "tabloid")


def test_a_lost_file_is_rendered_again(certificate):
    certificate_files_store(certificate)
    stored = Certificate.objects.get(pk=certificate.pk)
    default_storage.delete(stored.pdf_a4.name)
    assert certificate.public_id in page_text(certificate_pdf_get(stored, "a4"))


def test_credential_download_is_the_stored_token_as_a_jwt_file(certificate, client):
    content, content_type, file_name = certificate_credential_download(certificate)  # not stored yet: signed now
    assert credential_verify(content)["id"].endswith(f"/verify/{certificate.public_id}/")
    certificate_files_store(certificate)
    stored = Certificate.objects.get(pk=certificate.pk)
    content, content_type, file_name = certificate_credential_download(stored)
    assert content == stored.credential.encode()
    assert content_type == "application/vc+jwt"
    assert file_name == f"certificate-{certificate.public_id}.jwt"
    keys = client.get("/credentials/jwks.json").json()["keys"]
    kid = jwt.get_unverified_header(content)["kid"]
    [key] = [key for key in keys if key["kid"] == kid]
    assert jwt.decode(content, jwt.PyJWK(key).key, algorithms=["EdDSA"])["jti"] == credential_verify(content)["id"]
