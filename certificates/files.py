"""What a certificate is shown as: its PDFs (A4, US Letter) and its signed credential, made once and stored.

The PDFs go to the default storage (S3 where MEDIA_BUCKET is set) under random names: they are
served only through the learner's own pages, never by a guessable address. Storing again (after
a revocation or a reissue) writes new files and deletes the previous ones.
"""

import logging
import secrets

from django.core.files.base import ContentFile

from certificates.credentials import CREDENTIAL_MEDIA_TYPE, credential_build, credential_file_name, credential_sign
from certificates.models import Certificate
from certificates.pdf import PAGE_FORMATS, PDF_MEDIA_TYPE, certificate_pdf_file_name, certificate_pdf_render

logger = logging.getLogger(__name__)

PDF_FIELDS = {"a4": "pdf_a4", "letter": "pdf_letter"}


def _random_name() -> str:
    return f"{secrets.token_urlsafe(24)}.pdf"  # 192 bits; upload_to adds "certificates/"


def certificate_files_store(certificate: Certificate) -> None:
    """Render and store both PDFs and sign the credential (again: after a revocation or reissue)."""
    previous = [getattr(certificate, field).name for field in PDF_FIELDS.values()]
    rendered = {size: certificate_pdf_render(certificate, page_size=size) for size in PDF_FIELDS}
    certificate.credential = credential_sign(credential_build(certificate))
    for size, field in PDF_FIELDS.items():
        getattr(certificate, field).save(_random_name(), ContentFile(rendered[size]), save=False)
    # Only these fields: a stale copy must never undo a revocation written meanwhile.
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf_a4=certificate.pdf_a4.name, pdf_letter=certificate.pdf_letter.name, credential=certificate.credential
    )
    storage = certificate.pdf_a4.storage
    for name in previous:
        if name:
            try:
                storage.delete(name)
            except OSError:  # a file already gone (or a storage hiccup) must not undo the new ones
                logger.warning("Could not delete the previous certificate file %s", name, exc_info=True)


def certificate_credential_download(certificate: Certificate) -> tuple[bytes, str, str]:
    """The signed credential as a file: (content, content type, file name); signed now if not stored yet."""
    token = certificate.credential or credential_sign(credential_build(certificate))
    return token.encode("ascii"), CREDENTIAL_MEDIA_TYPE, credential_file_name(certificate)


def certificate_pdf_get(certificate: Certificate, page_size: str) -> bytes:
    """The stored PDF of `page_size` ("a4" or "letter"), rendered on demand if not stored (or lost)."""
    if page_size not in PAGE_FORMATS:
        raise ValueError(f"page_size must be one of {sorted(PAGE_FORMATS)}, not {page_size!r}")
    stored = getattr(certificate, PDF_FIELDS[page_size])
    if stored.name:
        try:
            with stored.storage.open(stored.name, "rb") as file:
                return file.read()
        except OSError:
            logger.warning("Certificate file %s is missing; rendering it again", stored.name)
    return certificate_pdf_render(certificate, page_size=page_size)


def certificate_pdf_download(certificate: Certificate, page_size: str) -> tuple[bytes, str, str]:
    """The PDF as a file: (content, content type, file name), like certificate_credential_download."""
    return (
        certificate_pdf_get(certificate, page_size),
        PDF_MEDIA_TYPE,
        certificate_pdf_file_name(certificate, page_size),
    )
