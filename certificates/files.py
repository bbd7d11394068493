"""What a certificate is shown as: its PDFs (A4, US Letter) and its signed credential, made once and stored.

Skeleton: filled in by the PDF and credential work (issue 14).
"""

from certificates.models import Certificate


def certificate_files_store(certificate: Certificate) -> None:
    """Render and store both PDFs and sign the credential (again: after a revocation or reissue)."""
