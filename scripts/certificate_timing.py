"""Time the certificate documents: median of 100 PDF renders and of 100 signatures, and the PDF sizes.

Runs against the test settings, without a server or a database (the certificates are built in
memory, never saved):

    DJANGO_SETTINGS_MODULE=trainingsite.test_settings .venv/bin/python scripts/certificate_timing.py

On the 2-core development machine shared with three other workers (30 Nov 2026): a Latin name
426 ms and 16,252 bytes, a Chinese one 1,024 ms and 18,227 bytes (most of it parsing the 4 MB
Chinese font), a credential built and signed in 0.50 ms (2,548 bytes).
"""

import os
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingsite.test_settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from certificates.credentials import credential_build, credential_sign  # noqa: E402
from certificates.models import Certificate, CertificateKind, certificate_public_id_new  # noqa: E402
from certificates.pdf import certificate_pdf_render  # noqa: E402

RUNS = 100


def certificate(name: str, language: str) -> Certificate:
    return Certificate(
        public_id=certificate_public_id_new(),
        kind=CertificateKind.COURSE,
        achievement_key=uuid.uuid4(),
        recipient_name=name,
        achievement_name="Pricing for small shops",
        achievement_description="Set prices from your costs and your market.",
        outcomes=["Price a product from its costs", "Read a margin", "Compare prices with competitors"],
        issuer_name="World SME Forum",
        hours=Decimal("4.5"),
        language=language,
        issued_at=timezone.now(),
        status_index=12_345,
    )


def median_ms(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    for label, name, language in (("Latin", "Amina Wanjiru", "en"), ("Chinese", "王小明", "zh-hans")):
        subject = certificate(name, language)
        size = len(certificate_pdf_render(subject, page_size="a4"))  # also warms up imports
        render = median_ms(lambda subject=subject: certificate_pdf_render(subject, page_size="a4"))
        print(f"PDF, {label} name ({name}): median {render:.0f} ms of {RUNS} renders, {size:,} bytes (A4)")
    subject = certificate("Amina Wanjiru", "en")
    sign = median_ms(lambda: credential_sign(credential_build(subject)))
    token = credential_sign(credential_build(subject))
    print(f"Credential: median {sign:.2f} ms of {RUNS} builds and signatures (Ed25519), {len(token):,} bytes")


if __name__ == "__main__":
    main()
