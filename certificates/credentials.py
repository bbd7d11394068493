"""The Open Badges 3.0 credential of a certificate, signed as a VC-JWT, and the status list.

Why VC-JWT (OB 3.0 §8.2, "JSON Web Token proof format") and not a Data Integrity proof
(`eddsa-rdfc-2022`): a compact JWS signs the exact bytes of the payload, so a verifier needs
neither JSON-LD canonicalisation (RDFC-1.0) nor the @context documents fetched from the network,
and every JOSE library in every language verifies it with the key from /credentials/jwks.json
(tests/certificates/test_credential.py does it with a second, independent library). Data
Integrity would let the proof live inside the JSON, which matters only for credentials that are
re-shared as JSON-LD; ours travel as a file or are checked on our own page.

The token: header {"alg": "EdDSA", "kid": <RFC 7638 thumbprint>, "typ": "JWT"}; the payload is the
credential itself (VC Data Model 2.0 / OB 3.0.3 contexts) plus the registered claims OB 3.0 maps
from it: iss = issuer.id, jti = id, nbf = validFrom.

Revocation is published as a W3C Bitstring Status List (v1.0): each certificate owns one bit
(`status_index`), set when it is revoked or replaced by a reissue.
"""

import base64
import gzip
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from joserfc import jws
from joserfc._rfc8037.jws_eddsa import EdDSAAlgorithm
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

from certificates.keys import SigningKeyError, b64url_decode, signing_key, signing_key_get
from certificates.models import STATUS_LIST_LENGTH, Certificate, CertificateKind

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

# A download of the signed credential: VC-JOSE-COSE's media type for a JWT-secured credential.
CREDENTIAL_MEDIA_TYPE = "application/vc+jwt"
CREDENTIAL_FILE_EXTENSION = "jwt"

# Bitstring Status List v1.0: one list of STATUS_LIST_LENGTH bits (models.py), where issuing draws
# each certificate's random position.
STATUS_LIST_NUMBER = 1

ALGORITHM = "EdDSA"
# A credential is a few KB; anything far larger is not ours and is refused before parsing.
TOKEN_MAX_LENGTH = 64 * 1024


class _EdDSA(EdDSAAlgorithm):
    # OB 3.0 names the algorithm "EdDSA"; joserfc warns on every use because RFC 9864 now
    # prefers the same Ed25519 signature under the name "Ed25519". Our keys are Ed25519 only.
    security_warning = None


class _Registry(jws.JWSRegistry):
    algorithms = {ALGORITHM: _EdDSA()}
    recommended = [ALGORITHM]


_REGISTRY = _Registry(algorithms=[ALGORITHM])


class CredentialInvalid(Exception):
    """The token is not a credential signed by one of our keys; the message says why."""


def credential_file_name(certificate: Certificate) -> str:
    return f"certificate-{certificate.public_id}.{CREDENTIAL_FILE_EXTENSION}"


# --- Stable URLs ------------------------------------------------------------------------


def verification_url(certificate: Certificate) -> str:
    """The credential's id: the public verification page (served by certificates/urls.py)."""
    return f"{settings.SITE_URL}/verify/{certificate.public_id}/"


def issuer_url() -> str:
    return f"{settings.SITE_URL}/credentials/issuer"


def achievement_url(achievement_key) -> str:
    return f"{settings.SITE_URL}/credentials/achievements/{achievement_key}"


def status_list_url() -> str:
    return f"{settings.SITE_URL}/credentials/status/{STATUS_LIST_NUMBER}"


def jwks_url() -> str:
    return f"{settings.SITE_URL}/credentials/jwks.json"


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- Documents ----------------------------------------------------------------------------


def issuer_profile_build() -> dict:
    """The issuer Profile: the site that signs, with where its keys are published."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_url(),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": f"{settings.SITE_URL}/",
        # Not an OB 3.0 term: a pointer for verifiers; the JWT header's kid selects the key.
        "publicKey": jwks_url(),
    }


def _issuer_embedded() -> dict:
    return {"id": issuer_url(), "type": ["Profile"], "name": settings.WAGTAIL_SITE_NAME, "url": f"{settings.SITE_URL}/"}


def achievement_build(certificate: Certificate) -> dict:
    """The Achievement as frozen on the certificate, in the certificate's language."""
    with override(certificate.language or settings.LANGUAGE_CODE):
        if certificate.kind == CertificateKind.PROGRAM:
            narrative = _("Completed every course of the program.")
        else:
            narrative = _("Completed every required step of the course: its lessons and passed quizzes.")
        if certificate.outcomes:
            narrative += "\n\n" + _("Learning outcomes:") + "\n" + "\n".join(f"- {o}" for o in certificate.outcomes)
        whole = certificate.hours == certificate.hours.to_integral_value()
        shown = certificate.hours.quantize(Decimal(1)) if whole else certificate.hours  # "4", not "4.0"
        hours = _("Hours of study: %(hours)s") % {"hours": formats.localize(shown)}
        description = certificate.achievement_description.strip() or certificate.achievement_name
    achievement = {
        "id": achievement_url(certificate.achievement_key),
        "type": ["Achievement"],
        "achievementType": "LearningProgram" if certificate.kind == CertificateKind.PROGRAM else "Course",
        "name": certificate.achievement_name,
        "description": description,
        "criteria": {"narrative": f"{narrative}\n\n{hours}"},
        # Who taught it (a partner or organisation): named, not a second signer.
        "creator": {
            "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{settings.SITE_URL}/issuer/{certificate.issuer_name}')}",
            "type": ["Profile"],
            "name": certificate.issuer_name,
        },
    }
    if certificate.language:
        achievement["inLanguage"] = certificate.language
    return achievement


def credential_build(certificate: Certificate) -> dict:
    """The OB 3.0 AchievementCredential of `certificate`: recipient by name only, never the email."""
    status_index = str(certificate.status_index)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": verification_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.achievement_name,
        "issuer": _issuer_embedded(),
        "validFrom": _timestamp(certificate.issued_at),
        "awardedDate": _timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.recipient_name,
                }
            ],
            "achievement": achievement_build(certificate),
        },
        "credentialStatus": {
            "id": f"{status_list_url()}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": status_index,
            "statusListCredential": status_list_url(),
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def status_list_encode(indexes) -> str:
    """Bitstring Status List `encodedList`: multibase base64url ("u") of the GZIP'd bitstring.

    Bit 0 is the most significant bit of the first byte. Indexes outside the list are ignored.
    """
    bits = bytearray(STATUS_LIST_LENGTH // 8)
    for index in indexes:
        if 0 <= index < STATUS_LIST_LENGTH:
            bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same list compresses to the same bytes (cacheable, comparable).
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode("ascii")


def status_list_decode(encoded: str) -> bytes:
    """The raw bitstring of an `encodedList` (for tests and the check page)."""
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    return gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))


def status_bit(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_build() -> dict:
    """The BitstringStatusListCredential: one bit per certificate, set if revoked or replaced."""
    revoked = Certificate.objects.filter(Q(revoked_at__isnull=False) | Q(replaced_at__isnull=False)).values_list(
        "status_index", flat=True
    )
    url = status_list_url()
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(),
        "validFrom": _timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": status_list_encode(revoked),
        },
    }


# --- Signing and verifying ----------------------------------------------------------------


def _registered_claims(payload: dict) -> dict:
    claims = {}
    issuer = payload.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if isinstance(issuer_id, str):
        claims["iss"] = issuer_id
    if isinstance(payload.get("id"), str):
        claims["jti"] = payload["id"]
    if isinstance(payload.get("validFrom"), str):
        claims["nbf"] = int(datetime.fromisoformat(payload["validFrom"].replace("Z", "+00:00")).timestamp())
    subject = payload.get("credentialSubject")
    if isinstance(subject, dict) and isinstance(subject.get("id"), str):
        claims["sub"] = subject["id"]
    return claims


def credential_sign(payload: dict) -> str:
    """A compact JWS (VC-JWT) of `payload`, signed with the first configured key."""
    key = signing_key()
    header = {"alg": ALGORITHM, "kid": key.kid, "typ": "JWT"}
    body = json.dumps({**payload, **_registered_claims(payload)}, ensure_ascii=False, separators=(",", ":"))
    return jws.serialize_compact(header, body.encode("utf-8"), OKPKey.import_key(key.private_key), registry=_REGISTRY)


def credential_verify(token) -> dict:
    """The payload of a VC-JWT signed by one of our keys; raises CredentialInvalid otherwise.

    Any input (str or bytes, any length or alphabet) gets either the payload or CredentialInvalid.
    """
    if isinstance(token, bytes | bytearray):
        if len(token) > TOKEN_MAX_LENGTH:
            raise CredentialInvalid(_("This is too large to be a credential."))
        try:
            token = bytes(token).decode("ascii")
        except UnicodeDecodeError:
            raise CredentialInvalid(_("This is not a credential: it has characters a credential never has.")) from None
    if not isinstance(token, str):
        raise CredentialInvalid(_("This is not a credential."))
    token = token.strip()
    if not token:
        raise CredentialInvalid(_("This is empty: paste a credential or choose its file."))
    if len(token) > TOKEN_MAX_LENGTH:
        raise CredentialInvalid(_("This is too large to be a credential."))
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise CredentialInvalid(_("This is not a credential: it is not a signed token (JWT)."))
    try:
        header = json.loads(b64url_decode(parts[0]))
        b64url_decode(parts[1])
        b64url_decode(parts[2])
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise CredentialInvalid(_("This is not a credential: it is not a signed token (JWT).")) from None
    if not isinstance(header, dict) or header.get("alg") != ALGORITHM or not isinstance(header.get("kid"), str):
        raise CredentialInvalid(_("This credential was not signed by this site."))
    if set(header) - {"alg", "kid", "typ"}:
        # No `crit`, `jku`, `jwk` or `b64`: nothing that would change how it is verified.
        raise CredentialInvalid(_("This credential was not signed by this site."))
    try:
        key = signing_key_get(header["kid"])
    except SigningKeyError:
        raise CredentialInvalid(_("Credentials cannot be checked: this site has no signing key.")) from None
    if key is None:
        raise CredentialInvalid(_("This credential was not signed by this site."))
    try:
        signed = jws.deserialize_compact(token, OKPKey.import_key(key.public_key), registry=_REGISTRY)
        payload = json.loads(signed.payload)
    except (JoseError, ValueError, TypeError):
        raise CredentialInvalid(_("This credential has been changed since it was signed.")) from None
    if not isinstance(payload, dict):
        raise CredentialInvalid(_("This is not a credential."))
    return payload


# --- Checking a credential someone shows us ----------------------------------------------


class CheckOutcome(models.TextChoices):
    VALID = "valid", gettext_lazy("Valid")
    REVOKED = "revoked", gettext_lazy("Revoked")
    INVALID = "invalid", gettext_lazy("Not valid")


@dataclass(frozen=True)
class CredentialCheck:
    """What the check page shows: only the name, achievement, issuer and dates, never more."""

    outcome: str
    message: str = ""
    recipient_name: str = ""
    achievement_name: str = ""
    issuer_name: str = ""
    taught_by: str = ""
    issued_at: datetime | None = None
    revoked_at: datetime | None = None


def _text(value) -> str:
    return value.strip()[:300] if isinstance(value, str) else ""


def credential_inspect(token) -> CredentialCheck:
    """Verify a credential and look up its revocation; any input gets an answer, never an exception."""
    try:
        payload = credential_verify(token)
    except CredentialInvalid as invalid:
        return CredentialCheck(outcome=CheckOutcome.INVALID, message=str(invalid))
    subject = payload.get("credentialSubject") if isinstance(payload.get("credentialSubject"), dict) else {}
    status = payload.get("credentialStatus") if isinstance(payload.get("credentialStatus"), dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    creator = achievement.get("creator") if isinstance(achievement.get("creator"), dict) else {}
    issuer = payload.get("issuer") if isinstance(payload.get("issuer"), dict) else {}
    identifiers = subject.get("identifier") if isinstance(subject.get("identifier"), list) else []
    name = next(
        (
            _text(item.get("identityHash"))
            for item in identifiers
            if isinstance(item, dict) and item.get("identityType") == "name" and item.get("hashed") is False
        ),
        "",
    )
    index = status.get("statusListIndex")
    certificate = None
    if isinstance(index, str) and index.isdigit() and len(index) < 10:
        certificate = (
            Certificate.objects.filter(status_index=int(index)).only("public_id", "revoked_at", "replaced_at").first()
        )
    if certificate is not None and not str(payload.get("id")).endswith(f"/verify/{certificate.public_id}/"):
        certificate = None
    if certificate is None:  # signed by us but not on record (a status list credential, or a row gone)
        return CredentialCheck(outcome=CheckOutcome.INVALID, message=_("This is not a certificate issued here."))
    try:
        issued_at = datetime.fromisoformat(str(payload.get("validFrom")).replace("Z", "+00:00"))
    except ValueError:
        issued_at = None
    revoked_at = certificate.revoked_at or certificate.replaced_at
    return CredentialCheck(
        outcome=CheckOutcome.REVOKED if revoked_at else CheckOutcome.VALID,
        recipient_name=name,
        achievement_name=_text(achievement.get("name")),
        issuer_name=_text(issuer.get("name")),
        taught_by=_text(creator.get("name")),
        issued_at=issued_at,
        revoked_at=revoked_at,
    )
