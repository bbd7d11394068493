"""Signing keys: parsed from configuration, named by thumbprint, rotated without breaking old credentials."""

import jwt
import pytest
from django.core.checks import run_checks
from django.test import override_settings

from certificates.credentials import CredentialInvalid, credential_build, credential_sign, credential_verify
from certificates.keys import (
    SigningKeyError,
    b64url_decode,
    jwk_thumbprint,
    signing_key,
    signing_key_new,
    signing_keys,
)
from tests.builders import make_certificate, make_course, make_course_index, make_learner
from tests.test_settings_env import PRODUCTION_ENV, run_python

# RFC 8037, appendix A.1 and A.3: an Ed25519 key and its RFC 7638 thumbprint.
RFC8037_SEED = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


def test_kid_is_the_rfc7638_thumbprint_of_the_public_key():
    with override_settings(CERTIFICATE_SIGNING_KEYS=RFC8037_SEED):
        key = signing_key()
        assert key.kid == RFC8037_THUMBPRINT
        assert key.public_jwk()["x"] == RFC8037_X
        assert jwk_thumbprint(key.public_key) == RFC8037_THUMBPRINT


def test_first_key_signs_and_every_key_is_published(client):
    new, old = signing_key_new(), RFC8037_SEED
    with override_settings(CERTIFICATE_SIGNING_KEYS=f"{new},\n {old}"):
        first, second = signing_keys()
        assert signing_key() == first
        assert second.kid == RFC8037_THUMBPRINT
        published = client.get("/credentials/jwks.json").json()["keys"]
    assert [key["kid"] for key in published] == [first.kid, second.kid]
    assert all(set(key) == {"kty", "crv", "x", "kid", "alg", "use"} for key in published)


@pytest.mark.django_db
def test_after_rotation_earlier_credentials_still_verify(home, client):
    course = make_course(make_course_index(home))
    certificate = make_certificate(make_learner(), course=course)
    old, new = RFC8037_SEED, signing_key_new()
    with override_settings(CERTIFICATE_SIGNING_KEYS=old):
        before = credential_sign(credential_build(certificate))
    with override_settings(CERTIFICATE_SIGNING_KEYS=f"{new} {old}"):
        after = credential_sign(credential_build(certificate))
        assert jwt.get_unverified_header(after)["kid"] != jwt.get_unverified_header(before)["kid"]
        assert credential_verify(before)["id"] == credential_verify(after)["id"]
        keys = {key["kid"]: key for key in client.get("/credentials/jwks.json").json()["keys"]}
        for token in (before, after):
            jwt.decode(token, jwt.PyJWK(keys[jwt.get_unverified_header(token)["kid"]]).key, algorithms=["EdDSA"])
    with override_settings(CERTIFICATE_SIGNING_KEYS=new):  # the old key dropped: no longer ours
        with pytest.raises(CredentialInvalid):
            credential_verify(before)


@pytest.mark.parametrize(
    "configured, message",
    [
        ("", "not set"),
        ("not base64!", "not base64url"),
        ("AAAA", "3 bytes long"),
        (f"{RFC8037_SEED}, AAAA", "Key 2"),
        (RFC8037_SEED[:-1] + "B", "not base64url"),  # same bytes, spare bits set: not canonical
    ],
)
def test_misconfigured_keys_are_a_clear_error(configured, message):
    with override_settings(CERTIFICATE_SIGNING_KEYS=configured):
        with pytest.raises(SigningKeyError, match=message):
            signing_keys()
        errors = [error for error in run_checks() if error.id == "certificates.E001"]
    assert len(errors) == 1 and message in errors[0].msg


def test_generated_keys_are_fresh_32_byte_seeds():
    first, second = signing_key_new(), signing_key_new()
    assert first != second and len(b64url_decode(first)) == 32


CHECK = "import django; django.setup(); from django.core.management import call_command; call_command('check')"


def test_production_without_a_signing_key_fails_the_system_check():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "CERTIFICATE_SIGNING_KEYS"}
    result = run_python(CHECK, **env)
    assert result.returncode != 0
    assert "certificates.E001" in result.stderr and "CERTIFICATE_SIGNING_KEYS is not set" in result.stderr


def test_production_with_a_signing_key_passes_the_system_check():
    assert run_python(CHECK, **PRODUCTION_ENV).returncode == 0


def test_a_development_machine_without_a_key_signs_with_one_derived_from_its_secret_key():
    code = "import django; django.setup(); from certificates.keys import signing_key; print(signing_key().kid)"
    first = run_python(code, DEBUG="1", SECRET_KEY="one-development-secret")
    again = run_python(code, DEBUG="1", SECRET_KEY="one-development-secret")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout and len(first.stdout.strip()) == 43
