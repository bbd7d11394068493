"""The learner's certificates in their personal-data download (registered in CertificatesConfig.ready())."""

from accounts.export import iso_or_none
from certificates.models import Certificate


def certificate_export_list(user) -> list[dict]:
    """Every certificate of `user`, current and replaced, with what it says and its state."""
    return [
        {
            "public_id": certificate.public_id,
            "kind": certificate.kind,
            "name_printed": certificate.recipient_name,
            "achievement": certificate.achievement_name,
            "description": certificate.achievement_description,
            "outcomes": certificate.outcomes,
            "issuer": certificate.issuer_name,
            "hours": str(certificate.hours),
            "language": certificate.language,
            "issued_at": iso_or_none(certificate.issued_at),
            "revoked_at": iso_or_none(certificate.revoked_at),
            "revocation_reason": certificate.revocation_reason,
            "replaced_at": iso_or_none(certificate.replaced_at),
            "credential": certificate.credential,
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
    ]
