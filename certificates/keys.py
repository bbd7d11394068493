"""The Ed25519 keys that sign certificates: the first configured key signs, every one is published.

`CERTIFICATE_SIGNING_KEYS` holds one or more private keys, each a base64url raw 32-byte seed,
separated by commas or whitespace. To rotate, put a new key first and keep the old ones: a
credential names its key by `kid` (the RFC 7638 JWK thumbprint), and the JWKS keeps publishing
every configured key, so credentials signed before the rotation still verify.
"""

import base64
import binascii
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SigningKeyError(ValueError):
    """CERTIFICATE_SIGNING_KEYS is missing or holds something that is not an Ed25519 seed."""


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict base64url without padding: any other spelling of the same bytes is refused.

    Lenient decoders ignore the spare low bits of the last character, so two different
    strings decode to the same bytes; refusing them keeps a token's bytes and its meaning one.
    """
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("not base64url") from None
    if b64url_encode(raw) != text:
        raise ValueError("not canonical base64url")
    return raw


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    def public_jwk(self) -> dict:
        return {**_public_members(self.public_key), "kid": self.kid, "alg": "EdDSA", "use": "sig"}


def _public_members(public_key: Ed25519PublicKey) -> dict:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"crv": "Ed25519", "kty": "OKP", "x": b64url_encode(raw)}


def jwk_thumbprint(public_key: Ed25519PublicKey) -> str:
    """RFC 7638: SHA-256 of the required members, sorted, without whitespace (RFC 8037 for OKP)."""
    members = json.dumps(_public_members(public_key), sort_keys=True, separators=(",", ":"))
    return b64url_encode(hashlib.sha256(members.encode("ascii")).digest())


def signing_key_new() -> str:
    """A fresh private key, spelt as CERTIFICATE_SIGNING_KEYS expects it (`make run` uses this)."""
    return b64url_encode(secrets.token_bytes(32))


@lru_cache(maxsize=8)
def _keys_parse(configured: str) -> tuple[SigningKey, ...]:
    keys = []
    for position, text in enumerate(re.split(r"[\s,]+", configured.strip()), start=1):
        if not text:
            continue
        try:
            seed = b64url_decode(text)
        except ValueError:
            raise SigningKeyError(f"Key {position} of CERTIFICATE_SIGNING_KEYS is not base64url.") from None
        if len(seed) != 32:
            raise SigningKeyError(
                f"Key {position} of CERTIFICATE_SIGNING_KEYS is {len(seed)} bytes long; an Ed25519 seed is 32."
            )
        private_key = Ed25519PrivateKey.from_private_bytes(seed)
        keys.append(SigningKey(kid=jwk_thumbprint(private_key.public_key()), private_key=private_key))
    if not keys:
        raise SigningKeyError("CERTIFICATE_SIGNING_KEYS is not set.")
    return tuple(keys)


def signing_keys() -> tuple[SigningKey, ...]:
    """Every configured key, the signing one first. Raises SigningKeyError when misconfigured."""
    return _keys_parse(getattr(settings, "CERTIFICATE_SIGNING_KEYS", "") or "")


def signing_key() -> SigningKey:
    return signing_keys()[0]


def signing_key_get(kid: str) -> SigningKey | None:
    return next((key for key in signing_keys() if key.kid == kid), None)


def jwks() -> dict:
    """The JSON Web Key Set published at /credentials/jwks.json: public halves only."""
    return {"keys": [key.public_jwk() for key in signing_keys()]}
