from decimal import Decimal

from django.utils import timezone

from certificates.models import Certificate, CertificateKind
from tests.builders.unique import unique


def make_certificate(user, *, course=None, program=None, enrollment=None, **fields):
    """A certificate row written directly (not through the issuing service), frozen fields filled."""
    page = course or program
    values = {
        "kind": CertificateKind.COURSE if course is not None else CertificateKind.PROGRAM,
        "achievement_key": page.translation_key,
        "course": course,
        "program": program,
        "enrollment": enrollment,
        "recipient_name": "Amina Wanjiru",
        "achievement_name": page.title,
        "issuer_name": "World SME Forum",
        "hours": Decimal("4.0"),
        "outcomes": ["Price a product from its costs"],
        "language": "en",
        "issued_at": timezone.now(),
        "status_index": unique(),
    }
    values.update(fields)
    return Certificate.objects.create(user=user, **values)
