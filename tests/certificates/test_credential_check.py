"""The public check-a-credential page: valid, revoked or not valid, for any input, never a 500."""

from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certificates.credentials import credential_build, credential_sign
from tests.builders import make_certificate, make_course, make_course_index, make_learner

URL = "/verify/credential/"


@pytest.fixture
def certificate(home):
    course = make_course(make_course_index(home), title="Export paperwork")
    return make_certificate(
        make_learner(email="private.person@example.org"),
        course=course,
        recipient_name="Ana Kvaratskhelia",
        issuer_name="Tbilisi Chamber of Commerce",
        issued_at=datetime(2026, 10, 14, 10, tzinfo=UTC),
    )


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_page_explains_and_offers_both_ways(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    assert "<h1>Check a certificate credential</h1>" in page
    assert 'name="token"' in page and 'type="file"' in page
    assert 'for="id_token"' in page and 'for="id_file"' in page


def test_a_pasted_valid_credential_shows_name_achievement_issuer_and_date_only(client, certificate):
    token = credential_sign(credential_build(certificate))
    page = text(client.post(URL, {"token": f"\n  {token}\n"}))
    assert "Valid: this credential was issued here" in page
    assert "Ana Kvaratskhelia" in page
    assert "Export paperwork" in page
    assert "Tbilisi Chamber of Commerce" in page
    assert "Oct. 14, 2026" in page
    assert "private.person" not in page


def test_an_uploaded_credential_file_is_checked_too(client, certificate):
    upload = SimpleUploadedFile("certificate.jwt", credential_sign(credential_build(certificate)).encode())
    page = text(client.post(URL, {"file": upload}))
    assert "Valid: this credential was issued here" in page and "Ana Kvaratskhelia" in page


def test_a_revoked_credential_says_so_with_the_date_but_not_the_reason(client, certificate):
    token = credential_sign(credential_build(certificate))
    certificate.revoked_at = datetime(2026, 11, 3, 9, tzinfo=UTC)
    certificate.revocation_reason = "Copied the final quiz"
    certificate.save()
    page = text(client.post(URL, {"token": token}))
    assert "Revoked on Nov. 3, 2026" in page
    assert "Valid:" not in page
    assert "Copied the final quiz" not in page


def test_a_tampered_credential_is_not_valid(client, certificate):
    token = credential_sign(credential_build(certificate))
    head, body, signature = token.split(".")
    forged_body = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(body).replace(b"Ana Kvaratskhelia", b"Eve Kvaratskhelia")
    ).decode()
    page = text(client.post(URL, {"token": f"{head}.{forged_body}.{signature}"}))
    assert "Not valid" in page and "changed since it was signed" in page
    assert "Eve" not in page


def test_a_credential_signed_by_someone_else_is_not_valid(client, certificate):
    header = jwt.get_unverified_header(credential_sign(credential_build(certificate)))
    forged = jwt.encode(credential_build(certificate), Ed25519PrivateKey.generate(), algorithm="EdDSA", headers=header)
    page = text(client.post(URL, {"token": forged}))
    assert "Not valid" in page and "Ana" not in page
    other = jwt.encode({"hello": 1}, Ed25519PrivateKey.generate(), algorithm="EdDSA")
    assert "not signed by this site" in text(client.post(URL, {"token": other}))


def test_our_status_list_is_not_mistaken_for_a_certificate(client, db):
    status_list = client.get("/credentials/status/1").content.decode()
    assert "not a certificate issued here" in text(client.post(URL, {"token": status_list}))


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Paste a credential or choose its file."),
        ({"token": "   "}, "Paste a credential or choose its file."),
        ({"token": "hello"}, "it is not a signed token (JWT)"),
        ({"token": "a\x00b"}, "Null characters are not allowed."),
        ({"token": "x" * 70_000}, "too large to be a credential"),
        ({"token": "é.ü.ß"}, "it is not a signed token (JWT)"),
    ],
)
def test_malformed_input_gets_a_clear_message(client, db, data, message):
    response = client.post(URL, data)
    assert response.status_code == 200
    assert message in text(response)


def test_files_that_are_too_large_binary_or_doubled_get_a_clear_message(client, db):
    big = SimpleUploadedFile("big.jwt", b"e" * 65_537)
    assert "too large to be a credential" in text(client.post(URL, {"file": big}))
    binary = SimpleUploadedFile("photo.jpg", bytes(range(256)) * 4)
    assert "characters a credential never has" in text(client.post(URL, {"file": binary}))
    both = SimpleUploadedFile("c.jwt", b"a.b.c")
    assert "not both" in text(client.post(URL, {"file": both, "token": "a.b.c"}))


def test_a_huge_paste_is_refused_with_a_message_not_an_error_page(client, db):
    response = client.post(URL, {"token": "A" * 3_000_000})  # over DATA_UPLOAD_MAX_MEMORY_SIZE
    assert response.status_code == 413
    assert "too large to be a credential" in text(response)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.text(max_size=2000) | st.from_regex(r"[A-Za-z0-9_\-]{0,300}\.[A-Za-z0-9_\-.=]{0,300}"))
def test_garbage_of_any_length_or_alphabet_is_not_valid_and_never_an_error(client, db, garbage):
    response = client.post(URL, {"token": garbage})
    assert response.status_code == 200
    page = text(response)
    assert "Not valid" in page or "Paste a credential" in page or "Null characters" in page
