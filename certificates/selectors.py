"""Reads of certificates for the learner's pages, the dashboard and the public verification page."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, OuterRef, Subquery, TextChoices
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from certificates.models import Certificate
from certificates.services import certificate_recipient_name_get

# A public id as certificate_public_id_new makes them (and any shorter one an older rule made).
PUBLIC_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")
# Looked up instead of malformed input: never an id (outside the alphabet), still one indexed query.
NEVER_AN_ID = "!"
LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def certificate_verify_url(public_id: str) -> str:
    """The public verification address (the QR code's, the credential's): in the default language, absolute."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("certificates:verify", args=[public_id])


def public_id_normalise(raw: str) -> str:
    """The id to look up for any input: itself if it is shaped like an id, otherwise a value that never matches."""
    return raw if PUBLIC_ID_PATTERN.fullmatch(raw or "") else NEVER_AN_ID


def _revoked_on(certificate: Certificate) -> datetime | None:
    dates = [d for d in (certificate.revoked_at, certificate.replaced_at) if d is not None]
    return min(dates) if dates else None


@dataclass
class CertificateSummary:
    """One line of "Your certificates" on My learning."""

    public_id: str
    achievement_name: str
    kind_label: str
    issuer_name: str
    issued_at: datetime
    revoked_on: datetime | None

    @property
    def url(self) -> str:
        return reverse("certificates:detail", args=[self.public_id])


def certificate_list(*, user) -> list[CertificateSummary]:
    """The learner's current certificates (replaced ones left out, revoked ones shown as such), newest first."""
    rows = Certificate.objects.current().filter(user=user).order_by("-issued_at", "-pk")
    return [
        CertificateSummary(
            public_id=c.public_id,
            achievement_name=c.achievement_name,
            kind_label=c.get_kind_display(),
            issuer_name=c.issuer_name,
            issued_at=c.issued_at,
            revoked_on=_revoked_on(c),
        )
        for c in rows
    ]


@dataclass
class CertificateDetail:
    """A certificate as its owner sees it, with what the page offers: links, the reissue question."""

    certificate: Certificate
    verify_url: str
    revoked_on: datetime | None
    replacement_public_id: str | None
    profile_name: str

    @property
    def is_valid(self) -> bool:
        return self.revoked_on is None

    @property
    def reissue_offered(self) -> bool:
        """The name a reissue would print differs from the printed one, and the certificate is valid."""
        return self.is_valid and bool(self.profile_name) and self.profile_name != self.certificate.recipient_name

    @property
    def linkedin_url(self) -> str:
        """LinkedIn's documented add-to-profile address for a certification (no API call, no account link)."""
        issued = timezone.localtime(self.certificate.issued_at)
        query = {
            "startTask": "CERTIFICATION_NAME",
            "name": self.certificate.achievement_name,
            "organizationName": self.certificate.issuer_name,
            "issueYear": issued.year,
            "issueMonth": issued.month,
            "certUrl": self.verify_url,
            "certId": self.certificate.public_id,
        }
        return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(query)}"


def certificate_owned_get(*, user, public_id: str) -> Certificate | None:
    """The user's own certificate with this id, or None (someone else's is None too)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Certificate.objects.filter(user=user, public_id=public_id_normalise(public_id)).first()


def certificate_detail_get(*, user, public_id: str) -> CertificateDetail | None:
    """The owner's view of one of their certificates, or None if it is not theirs (or does not exist)."""
    certificate = (
        Certificate.objects.filter(user=user, public_id=public_id_normalise(public_id))
        .select_related("replaced_by")
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if certificate is None:
        return None
    # The name a reissue would print, by the service's own rule: the form shows only when it would succeed.
    profile_name = certificate_recipient_name_get(user)
    return CertificateDetail(
        certificate=certificate,
        verify_url=certificate_verify_url(certificate.public_id),
        revoked_on=_revoked_on(certificate),
        replacement_public_id=certificate.replaced_by.public_id if certificate.replaced_by_id else None,
        profile_name=profile_name,
    )


class VerificationStatus(TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    NOT_FOUND = "not_found", _("Not found")


@dataclass
class Verification:
    """What the public may know of a certificate: name, achievement, issuer, date, and whether it stands."""

    status: VerificationStatus
    recipient_name: str = ""
    achievement_name: str = ""
    issuer_name: str = ""
    issued_on: date | None = None
    revoked_on: date | None = None


def certificate_verification_get(*, public_id: str, language: str | None = None) -> Verification:
    """The verification of any input: one indexed query whatever it is, and nothing beyond the four facts.

    With `language`, the course or program is named as its live translation in that language is
    (one certificate, whatever language it was learnt in); else as it was named on the certificate.
    """
    certificates = Certificate.objects.filter(public_id=public_id_normalise(public_id))
    if language:
        title = Page.objects.filter(
            translation_key=OuterRef("achievement_key"), locale__language_code=language, live=True
        ).values("title")[:1]
        certificates = certificates.annotate(shown_name=Coalesce(Subquery(title), F("achievement_name")))
    else:
        certificates = certificates.annotate(shown_name=F("achievement_name"))
    row = certificates.values(
        "recipient_name", "shown_name", "issuer_name", "issued_at", "revoked_at", "replaced_at"
    ).first()
    if row is None:
        return Verification(status=VerificationStatus.NOT_FOUND)
    revoked = [d for d in (row["revoked_at"], row["replaced_at"]) if d is not None]
    return Verification(
        status=VerificationStatus.REVOKED if revoked else VerificationStatus.VALID,
        recipient_name=row["recipient_name"],
        achievement_name=row["shown_name"],
        issuer_name=row["issuer_name"],
        issued_on=timezone.localdate(row["issued_at"]),
        revoked_on=timezone.localdate(min(revoked)) if revoked else None,
    )
