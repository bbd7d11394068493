"""What a learner sees of their own certificates, and that nobody else reaches them (issue 14)."""

import html
import re
from datetime import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from certificates import files
from certificates.models import Certificate
from tests.builders import make_certificate as _make_certificate
from tests.builders import make_course, make_course_index, make_learner, make_program, make_program_index
from tests.queries import assert_flat

pytestmark = pytest.mark.django_db

DASHBOARD_QUERIES = 8  # measured with certificates only (no enrolments)
ISSUED = timezone.make_aware(datetime(2026, 3, 14, 10, 0))


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), lessons=2, title="Keep simple books")


@pytest.fixture
def owner():
    return make_learner(profile={"certificate_name": "Amina Wanjiru"})


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def certificate(owner, course):
    return _make_certificate(
        owner,
        course=course,
        recipient_name="Amina Wanjiru",
        issuer_name="Nairobi Business Club",
        hours=Decimal("6.5"),
        outcomes=["Keep a cash book", "Read a profit and loss"],
        issued_at=ISSUED,
    )


def _urls(certificate):
    pid = certificate.public_id
    return {
        "detail": reverse("certificates:detail", args=[pid]),
        "pdf_a4": reverse("certificates:pdf", args=[pid, "a4"]),
        "pdf_letter": reverse("certificates:pdf", args=[pid, "letter"]),
        "credential": reverse("certificates:credential", args=[pid]),
    }


def _text(response):
    return html.unescape(response.content.decode())


def test_owner_sees_every_field_of_their_certificate(owner_client, certificate):
    response = owner_client.get(reverse("certificates:detail", args=[certificate.public_id]))
    assert response.status_code == 200
    page = _text(response)
    for text in (
        "Amina Wanjiru",
        "Keep simple books",
        "Nairobi Business Club",
        "March 14, 2026",
        "6.5 hours",
        "Keep a cash book",
        "Read a profit and loss",
        "Download PDF (A4)",
        "Download PDF (US Letter)",
        "Download credential (Open Badges 3.0)",
        "Add to LinkedIn profile",
    ):
        assert text in page, text
    verify_url = settings.SITE_URL + f"/verify/{certificate.public_id}/"
    assert f'href="{verify_url}"' in page
    assert "Reissue" not in page  # the printed name is the profile's


def test_certificate_page_draws_the_qr_code_as_labelled_svg_without_style_or_script(owner_client, certificate):
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    svg = re.search(r"<svg[^>]*>.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert "<title>QR code of the verification link</title>" in svg
    assert "style" not in svg and "<script" not in svg
    assert "<path" in svg


def test_qr_code_encodes_the_verification_link(certificate):
    from certificates.qr import qr_svg

    first = qr_svg("https://example.org/verify/abc/", label="x")
    assert first == qr_svg("https://example.org/verify/abc/", label="x")
    assert first != qr_svg("https://example.org/verify/abd/", label="x")


def test_linkedin_link_carries_the_documented_add_to_profile_fields(owner_client, certificate):
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    href = re.search(r'href="(https://www\.linkedin\.com/profile/add\?[^"]+)"', page).group(1)
    query = parse_qs(urlsplit(href).query)
    assert query == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": ["Keep simple books"],
        "organizationName": ["Nairobi Business Club"],
        "issueYear": ["2026"],
        "issueMonth": ["3"],
        "certUrl": [settings.SITE_URL + f"/verify/{certificate.public_id}/"],
        "certId": [certificate.public_id],
    }


def test_certificate_page_is_not_indexed_nor_leaks_its_address(owner_client, certificate):
    response = owner_client.get(reverse("certificates:detail", args=[certificate.public_id]))
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_program_certificate_names_the_program(owner_client, owner, course, home):
    program = make_program(make_program_index(home), courses=[course], title="Start a food business")
    certificate = _make_certificate(owner, program=program, issuer_name="World SME Forum")
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    assert "Program certificate" in page
    assert "Start a food business" in page


@pytest.mark.parametrize("name", ["detail", "pdf_a4", "pdf_letter", "credential"])
def test_another_learner_gets_404_for_someone_elses_certificate(client, certificate, name):
    client.force_login(make_learner())
    assert client.get(_urls(certificate)[name]).status_code == 404


def test_another_learner_cannot_reissue_someone_elses_certificate(client, certificate):
    client.force_login(make_learner(profile={"certificate_name": "Someone Else"}))
    response = client.post(reverse("certificates:reissue", args=[certificate.public_id]))
    assert response.status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).replaced_at is None
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("name", ["detail", "pdf_a4", "credential"])
def test_signed_out_visitor_is_sent_to_log_in(client, certificate, name):
    response = client.get(_urls(certificate)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_unknown_id_and_page_size_are_404(owner_client, certificate):
    assert owner_client.get(reverse("certificates:detail", args=["x" * 24])).status_code == 404
    assert owner_client.get(reverse("certificates:pdf", args=[certificate.public_id, "a3"])).status_code == 404
    for odd in ("%00", "x" * 5000, "%D0%9D%D0%B8%D0%BD%D0%BE", "'%20OR%201=1%20--"):  # never a 500, on either database
        assert owner_client.get(f"/learning/certificates/{odd}/").status_code == 404, odd
        assert owner_client.post(f"/learning/certificates/{odd}/reissue/").status_code == 404, odd


def test_reissue_is_post_only(owner_client, certificate):
    response = owner_client.get(reverse("certificates:reissue", args=[certificate.public_id]))
    assert response.status_code == 405
    assert Certificate.objects.count() == 1


def test_reissue_is_offered_when_the_profile_name_changed(owner_client, owner, certificate):
    account_services.profile_update(user=owner, data={"certificate_name": "Amina W. Otieno"})
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    assert "Reissue with my new name" in page
    assert "“Amina W. Otieno”" in page
    assert f'action="{reverse("certificates:reissue", args=[certificate.public_id])}"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_replaced_certificate_says_so_and_links_to_its_replacement(owner_client, owner, course, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(replaced_at=timezone.now())
    new = _make_certificate(owner, course=course, recipient_name="Amina W. Otieno")
    Certificate.objects.filter(pk=certificate.pk).update(replaced_by=new)
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    assert "This certificate was replaced on" in page
    assert reverse("certificates:detail", args=[new.public_id]) in page
    assert "Download PDF (A4)" not in page
    assert "Reissue with my new name" not in page


def test_revoked_certificate_says_so_without_the_reason(owner_client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=ISSUED.replace(month=5, day=2), revocation_reason="Copied the quiz answers"
    )
    page = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    assert "This certificate was revoked on May 2, 2026." in page
    assert "Copied the quiz answers" not in page
    assert "Add to LinkedIn profile" not in page


def test_my_learning_lists_the_learners_certificates_with_links(owner_client, owner, course, certificate, home):
    other_course = make_course(make_course_index(home), lessons=1, title="Price your bread")
    revoked = _make_certificate(owner, course=other_course, revoked_at=ISSUED.replace(month=5, day=2))
    _make_certificate(make_learner(), course=course, achievement_name="Somebody else's course")
    page = _text(owner_client.get(reverse("home:dashboard")))
    assert "Your certificates" in page
    assert f'href="{reverse("certificates:detail", args=[certificate.public_id])}"' in page
    assert "Certificate: Keep simple books" in page
    assert "Course, issued on March 14, 2026" in page
    assert f'href="{reverse("certificates:detail", args=[revoked.public_id])}"' in page
    assert "Revoked on May 2, 2026" in page
    assert "Somebody else's course" not in page


def test_my_learning_leaves_out_replaced_certificates(owner_client, owner, course, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(replaced_at=timezone.now())
    new = _make_certificate(owner, course=course, recipient_name="Amina W. Otieno")
    page = _text(owner_client.get(reverse("home:dashboard")))
    assert reverse("certificates:detail", args=[new.public_id]) in page
    assert reverse("certificates:detail", args=[certificate.public_id]) not in page


def test_my_learning_says_where_certificates_will_appear(owner_client):
    page = _text(owner_client.get(reverse("home:dashboard")))
    assert "Finish a course and your certificate appears here" in page


def test_dashboard_queries_do_not_grow_with_certificates(owner_client, owner, home):
    catalog = make_course_index(home)

    def certify(count):
        for _ in range(count):
            _make_certificate(owner, course=make_course(catalog, lessons=1))

    certify(1)
    _, after = assert_flat(owner_client, reverse("home:dashboard"), lambda: certify(9), ceiling=DASHBOARD_QUERIES)
    assert after.count("Certificate: ") >= 10


# Reissue: needs the issuing branch (i14-core).


def test_reissue_shows_the_new_name(owner_client, owner, certificate):
    """Needs the issuing branch (i14-core): certificate_reissue is a stub until then."""
    account_services.profile_update(user=owner, data={"certificate_name": "Amina W. Otieno"})
    response = owner_client.post(reverse("certificates:reissue", args=[certificate.public_id]), follow=True)
    assert response.status_code == 200
    new = Certificate.objects.current().get(user=owner)
    assert new.pk != certificate.pk
    assert response.redirect_chain[-1][0] == reverse("certificates:detail", args=[new.public_id])
    page = _text(response)
    assert "Amina W. Otieno" in page
    assert "Reissue with my new name" not in page
    old = _text(owner_client.get(reverse("certificates:detail", args=[certificate.public_id])))
    assert "This certificate was replaced on" in old
    assert reverse("certificates:detail", args=[new.public_id]) in old


# Downloads: these need the PDF and credential branch (i14-crypto) to pass.


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_owner_downloads_the_pdf_as_an_attachment(owner_client, certificate, size):
    response = owner_client.get(reverse("certificates:pdf", args=[certificate.public_id, size]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{certificate.public_id}-{size}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response).startswith(b"%PDF")


def test_owner_downloads_the_stored_credential(owner_client, certificate):
    files.certificate_files_store(certificate)
    certificate.refresh_from_db()
    assert certificate.credential
    response = owner_client.get(reverse("certificates:credential", args=[certificate.public_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response) == certificate.credential.encode()
