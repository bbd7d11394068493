"""The public verification page: valid, revoked, not found; nothing personal; unknown ids all alike (issue 14)."""

import html
import random
import secrets
import string
from datetime import datetime
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates import selectors
from certificates.models import Certificate
from tests.builders import make_certificate, make_course, make_course_index, make_learner

pytestmark = pytest.mark.django_db

ISSUED = timezone.make_aware(datetime(2026, 3, 14, 10, 0))
EMAIL = "amina.wanjiru@example.org"
PROFILE = {
    "display_name": "Mama Amina",
    "certificate_name": "Amina Wanjiru",
    "country": "KE",
}


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), lessons=1, title="Keep simple books")


@pytest.fixture
def certificate(course):
    learner = make_learner(email=EMAIL, profile=PROFILE, first_name="Amina", last_name="Zawadi")
    return make_certificate(
        learner,
        course=course,
        recipient_name="Amina Wanjiru",
        issuer_name="Nairobi Business Club",
        issued_at=ISSUED,
        outcomes=["Keep a cash book"],
    )


def _verify(client, public_id):
    return client.get(f"/verify/{public_id}/")


def _text(response):
    return html.unescape(response.content.decode())


def test_valid_certificate_shows_name_achievement_issuer_and_date(client, certificate):
    response = _verify(client, certificate.public_id)
    assert response.status_code == 200
    page = _text(response)
    assert "Valid certificate" in page
    assert "This certificate is genuine and valid." in page
    for text in ("Amina Wanjiru", "Keep simple books", "Nairobi Business Club", "March 14, 2026"):
        assert text in page, text


def test_verification_shows_nothing_personal_beyond_the_four_facts(client, certificate):
    page = _text(_verify(client, certificate.public_id))
    for private in (EMAIL, "amina.wanjiru", "Mama Amina", "Zawadi", "Kenya", "Keep a cash book", "hours"):
        assert private not in page, private
    assert "/profile/add" not in page  # no LinkedIn link, no downloads
    assert reverse("certificates:credential", args=[certificate.public_id]) not in page


def test_verification_page_is_not_indexed_not_cached_and_sends_no_referrer(client, certificate):
    response = _verify(client, certificate.public_id)
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


def test_verification_url_is_the_one_the_qr_code_carries(client, certificate, settings):
    url = selectors.certificate_verify_url(certificate.public_id)
    assert url == f"{settings.SITE_URL}/verify/{certificate.public_id}/"
    assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200


def test_revoked_certificate_shows_the_date_never_the_reason(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=ISSUED.replace(month=5, day=2), revocation_reason="Copied the quiz answers"
    )
    response = _verify(client, certificate.public_id)
    assert response.status_code == 200
    page = _text(response)
    assert "Revoked certificate" in page
    assert "This certificate was revoked on May 2, 2026." in page
    assert "Copied the quiz answers" not in page
    assert "genuine and valid" not in page


def test_replaced_certificate_verifies_as_revoked(client, certificate, course):
    Certificate.objects.filter(pk=certificate.pk).update(replaced_at=ISSUED.replace(month=4, day=1))
    make_certificate(certificate.user, course=course, recipient_name="Amina W. Otieno")
    page = _text(_verify(client, certificate.public_id))
    assert "This certificate was revoked on April 1, 2026." in page
    assert "Amina W. Otieno" not in page


def test_unknown_id_is_not_found(client, certificate):
    response = _verify(client, secrets.token_urlsafe(18))
    assert response.status_code == 404
    page = _text(response)
    assert "Certificate not found" in page
    assert "Amina" not in page


MALFORMED = [
    "",
    " ",
    "-",
    "x" * 10_000,
    "Ниноبريد中文ქართ",
    "..%2F..%2Fetc%2Fpasswd",
    "a/b/c",
    "%00",
    "line\nbreak",
    "' OR 1=1 --",
    "1; DROP TABLE certificates_certificate",
    "<script>alert(1)</script>",
    "1",  # a user's pk
    "3",  # a page's id
    "00000000-0000-0000-0000-000000000000",  # a translation key's shape
]


def test_unknown_and_malformed_ids_get_the_same_status_and_bytes(client, certificate, home):
    baseline = _verify(client, secrets.token_urlsafe(18))
    assert baseline.status_code == 404
    ids = [
        *MALFORMED,
        str(certificate.user.pk),
        str(home.pk),
        str(certificate.achievement_key),
        certificate.public_id[:-1],
    ]
    for raw in ids:
        response = client.get("/verify/" + quote(raw, safe="/%") + "/")
        assert response.status_code == 404, raw
        assert response.content == baseline.content, raw


def test_not_found_does_not_echo_the_query_string_either(client, certificate):
    baseline = _verify(client, "nothing")
    response = client.get("/verify/nothing/?ref=abc123def")
    assert response.content == baseline.content


def test_every_lookup_runs_exactly_one_query(client, certificate):
    """Malformed input still runs the indexed lookup, so it answers in the time an unknown id does."""
    for raw in [certificate.public_id, "unknown-but-well-formed", "x" * 10_000, "Ниноبريد", "a/b"]:
        with CaptureQueriesContext(connection) as queries:
            selectors.certificate_verification_get(public_id=raw)
        assert len(queries) == 1, raw
        assert "certificates_certificate" in queries[0]["sql"]


def test_a_thousand_random_ids_find_nothing(client, certificate):
    rng = random.Random(14)
    alphabet = string.ascii_letters + string.digits + "-_"
    ids = [secrets.token_urlsafe(18) for _ in range(500)]
    ids += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(500)]
    found = [i for i in ids if selectors.certificate_verification_get(public_id=i).status != "not_found"]
    assert found == []
    baseline = _verify(client, ids[0])
    for raw in ids[1:1000:40]:
        response = _verify(client, raw)
        assert (response.status_code, response.content) == (404, baseline.content)


def test_lookup_form_sends_an_id_or_a_pasted_link_to_its_page(client, certificate):
    page = _text(client.get(reverse("certificates:verify_lookup")))
    assert '<label for="id_id">Certificate id' in page
    response = client.get(reverse("certificates:verify_lookup"), {"id": f"  {certificate.public_id} "})
    assert response["Location"] == f"/verify/{certificate.public_id}/"
    pasted = f"https://academy.example.org/fr/verify/{certificate.public_id}/"
    response = client.get(reverse("certificates:verify_lookup"), {"id": pasted})
    assert response["Location"] == f"/verify/{certificate.public_id}/"


def test_lookup_form_asks_again_for_an_empty_id(client):
    response = client.get(reverse("certificates:verify_lookup"), {"id": "   "})
    assert response.status_code == 200
    assert "field--invalid" in response.content.decode()


def test_verification_works_in_another_language(client, certificate):
    response = client.get(f"/fr/verify/{certificate.public_id}/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Amina Wanjiru" in _text(response)
