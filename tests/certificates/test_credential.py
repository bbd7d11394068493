"""The Open Badges 3.0 credential: required fields, a signature others can verify, and the status list."""

import base64
import json
from datetime import UTC, datetime

import jwt
import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certificates.credentials import (
    STATUS_LIST_LENGTH,
    CredentialInvalid,
    credential_build,
    credential_sign,
    credential_verify,
    status_bit,
    status_list_decode,
)
from tests.builders import make_certificate, make_course, make_course_index, make_learner

# Open Badges 3.0 (1EdTech, §B "Data models"), the properties each class requires ([1] or
# [1..*]) and their types; what "type" must contain; VC Data Model 2.0 for the status entry.
URI = "URI"
REQUIRED = {
    "AchievementCredential": {
        "@context": "context",
        "id": URI,
        "type": "types",
        "name": str,
        "issuer": "Profile",
        "validFrom": "DateTime",
        "credentialSubject": "AchievementSubject",
    },
    "Profile": {"id": URI, "type": "types"},
    "AchievementSubject": {"type": "types", "achievement": "Achievement"},
    "Achievement": {"id": URI, "type": "types", "criteria": "Criteria", "description": str, "name": str},
    "IdentityObject": {"type": str, "hashed": bool, "identityHash": str, "identityType": str},
    "BitstringStatusListEntry": {
        "type": str,
        "statusPurpose": str,
        "statusListIndex": str,
        "statusListCredential": URI,
    },
}
TYPES_MUST_CONTAIN = {
    "AchievementCredential": [{"VerifiableCredential"}, {"AchievementCredential", "OpenBadgeCredential"}],
    "Profile": [{"Profile"}],
    "AchievementSubject": [{"AchievementSubject"}],
    "Achievement": [{"Achievement"}],
}
CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
ACHIEVEMENT_TYPES = {"Course", "LearningProgram", "Certificate", "CertificateOfCompletion", "Achievement"}
SITE = "https://learn.example.org"


def check_value(kind, value, where):
    if kind is str or kind is bool:
        assert isinstance(value, kind), where
        if kind is str:
            assert value.strip(), where
    elif kind == URI:
        assert isinstance(value, str) and ":" in value and " " not in value, where
    elif kind == "DateTime":
        assert isinstance(value, str) and datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo, where
    elif kind == "context":
        assert value[: len(CONTEXTS)] == CONTEXTS, where
    elif kind == "types":
        assert isinstance(value, list) and all(isinstance(t, str) for t in value), where
    else:
        check_class(kind, value, where)


def check_class(name, document, where=""):
    assert isinstance(document, dict), f"{where}: {name} is not an object"
    for field, kind in REQUIRED.get(name, {}).items():
        assert field in document, f"{where}{name} lacks {field}"
        check_value(kind, document[field], f"{where}{name}.{field}")
    for must in TYPES_MUST_CONTAIN.get(name, []):
        assert must & set(document["type"]), f"{where}{name}.type lacks one of {must}"
    if name == "Criteria":
        assert document.get("id") or document.get("narrative")


@pytest.fixture
def certificate(home):
    learner = make_learner()
    course = make_course(make_course_index(home), title="Pricing for small shops")
    return make_certificate(
        learner,
        course=course,
        recipient_name="Nino Beridze",
        issued_at=datetime(2026, 11, 2, 9, 30, 12, tzinfo=UTC),
        outcomes=["Price a product from its costs", "Read a margin"],
    )


@override_settings(SITE_URL=SITE)
def test_credential_has_every_required_field_with_its_type(certificate):
    credential = credential_build(certificate)
    check_class("AchievementCredential", credential)
    subject = credential["credentialSubject"]
    check_class("AchievementSubject", subject, "credentialSubject.")
    check_class("Achievement", subject["achievement"], "credentialSubject.achievement.")
    check_class("Profile", credential["issuer"], "issuer.")
    for identity in subject["identifier"]:
        check_class("IdentityObject", identity, "credentialSubject.identifier.")
    check_class("BitstringStatusListEntry", credential["credentialStatus"], "credentialStatus.")
    assert subject["achievement"]["achievementType"] in ACHIEVEMENT_TYPES


@override_settings(SITE_URL=SITE)
def test_credential_points_at_our_stable_urls_and_names_the_recipient_only(certificate):
    credential = credential_build(certificate)
    assert credential["id"] == f"{SITE}/verify/{certificate.public_id}/"
    assert credential["issuer"]["id"] == f"{SITE}/credentials/issuer"
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["id"] == f"{SITE}/credentials/achievements/{certificate.achievement_key}"
    assert achievement["name"] == "Pricing for small shops"
    assert "Read a margin" in achievement["criteria"]["narrative"]
    assert "Hours of study: 4\n" in achievement["criteria"]["narrative"] + "\n"
    assert credential["validFrom"] == "2026-11-02T09:30:12Z"
    assert credential["credentialSubject"]["identifier"] == [
        {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": "Nino Beridze"}
    ]
    assert credential["credentialStatus"] == {
        "id": f"{SITE}/credentials/status/1#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": f"{SITE}/credentials/status/1",
    }
    assert certificate.user.email not in json.dumps(credential)


def test_signature_verifies_with_the_published_key_and_an_independent_library(certificate, client):
    token = credential_sign(credential_build(certificate))
    published = client.get("/credentials/jwks.json")
    assert published["Content-Type"] == "application/jwk-set+json"
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
    [jwk] = [key for key in published.json()["keys"] if key["kid"] == header["kid"]]
    assert "d" not in jwk  # only the public half is published
    payload = jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["EdDSA"])
    assert payload["credentialSubject"]["identifier"][0]["identityHash"] == "Nino Beridze"
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["nbf"] == int(certificate.issued_at.timestamp())
    assert credential_verify(token) == payload


def test_a_key_that_is_not_ours_is_refused(certificate):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    header = jwt.get_unverified_header(credential_sign(credential_build(certificate)))
    forged = jwt.encode(credential_build(certificate), Ed25519PrivateKey.generate(), algorithm="EdDSA", headers=header)
    with pytest.raises(CredentialInvalid):
        credential_verify(forged)


@pytest.fixture(scope="module")
def signed_token(django_db_setup, django_db_blocker):
    """One token for the property test (built in its own transaction, rolled back)."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        from tests.builders import make_home

        course = make_course(make_course_index(make_home()))
        token = credential_sign(credential_build(make_certificate(make_learner(), course=course)))
        transaction.set_rollback(True)
    return token


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_changing_any_byte_of_the_token_makes_verification_fail(signed_token, data):
    raw = bytearray(signed_token.encode("ascii"))
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != raw[position]), label="byte")
    raw[position] = value
    with pytest.raises(CredentialInvalid):
        credential_verify(bytes(raw))
    if value < 128:
        with pytest.raises(CredentialInvalid):
            credential_verify(raw.decode("ascii"))


@settings(max_examples=200, deadline=None)
@given(garbage=st.one_of(st.text(max_size=3000), st.binary(max_size=3000)))
def test_anything_else_is_refused_with_credential_invalid_only(garbage):
    with pytest.raises(CredentialInvalid) as refused:
        credential_verify(garbage)
    assert str(refused.value)


@pytest.mark.parametrize(
    "token",
    [None, 42, "", "   ", "a.b.c", "..", "x" * 10_000_000, "eyJ9.e30.AA", "[" * 5000 + ".e30.AA"],
)
def test_malformed_inputs_are_refused_with_a_message(token):
    with pytest.raises(CredentialInvalid) as refused:
        credential_verify(token)
    assert str(refused.value)


def test_header_with_another_algorithm_or_extra_parameters_is_refused(certificate):
    token = credential_sign(credential_build(certificate))
    head, body, signature = token.split(".")
    header = json.loads(base64.urlsafe_b64decode(head + "=="))
    for changed in ({**header, "alg": "none"}, {**header, "jwk": {"kty": "OKP"}}, {**header, "kid": "nope"}):
        new_head = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
        with pytest.raises(CredentialInvalid):
            credential_verify(f"{new_head}.{body}.{signature}")


def published_bits(client) -> tuple[dict, bytes]:
    response = client.get("/credentials/status/1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "max-age=" in response["Cache-Control"]
    status_credential = credential_verify(response.content)
    return status_credential, status_list_decode(status_credential["credentialSubject"]["encodedList"])


def test_status_list_sets_the_bit_of_revoked_and_replaced_certificates_only(certificate, client, home):
    other = make_certificate(make_learner(), course=certificate.course)
    replaced = make_certificate(make_learner(), course=certificate.course, replaced_at=timezone.now())
    status_credential, bits = published_bits(client)
    assert "BitstringStatusListCredential" in status_credential["type"]
    assert status_credential["credentialSubject"]["type"] == "BitstringStatusList"
    assert status_credential["credentialSubject"]["statusPurpose"] == "revocation"
    assert len(bits) * 8 == STATUS_LIST_LENGTH
    assert not status_bit(bits, certificate.status_index)
    assert status_bit(bits, replaced.status_index)

    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["revoked_at"])
    _, bits = published_bits(client)
    assert status_bit(bits, certificate.status_index)
    assert not status_bit(bits, other.status_index)
    assert sum(bin(byte).count("1") for byte in bits) == 2


def test_issuer_profile_and_achievement_are_public_json_ld(certificate, client):
    issuer = client.get("/credentials/issuer")
    assert issuer["Content-Type"] == "application/ld+json"
    check_class("Profile", issuer.json())
    achievement = client.get(f"/credentials/achievements/{certificate.achievement_key}")
    assert achievement.status_code == 200
    check_class("Achievement", achievement.json())
    assert "Nino" not in achievement.content.decode()
    assert client.get("/credentials/achievements/00000000-0000-4000-8000-000000000000").status_code == 404
