"""The printable certificate: one page, A4 or Letter, every script's name readable back from the PDF."""

import io
import unicodedata
from datetime import UTC, datetime

import pytest
from django.utils import timezone
from pypdf import PdfReader

from certificates.pdf import certificate_pdf_render
from tests.builders import make_certificate, make_course, make_course_index, make_learner

MM = 72 / 25.4
# Portrait width and height in points.
SIZES = {"a4": (210 * MM, 297 * MM), "letter": (8.5 * 72, 11 * 72)}


@pytest.fixture
def course(home):
    return make_course(make_course_index(home), title="Pricing for small shops")


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, reader.pages[0].extract_text()


def words(text: str) -> list[str]:
    """Extracted text, NFKC-normalised: Arabic presentation forms become the letters typed."""
    return unicodedata.normalize("NFKC", text).split()


@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_one_landscape_page_of_the_right_size(course, page_size):
    certificate = make_certificate(make_learner(), course=course)
    reader, text = read(certificate_pdf_render(certificate, page_size=page_size))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = SIZES[page_size]
    assert float(box.width) == pytest.approx(height, abs=0.5)  # landscape
    assert float(box.height) == pytest.approx(width, abs=0.5)
    assert "Amina Wanjiru" in text
    assert "Pricing for small shops" in text
    assert certificate.public_id in text
    assert f"/verify/{certificate.public_id}/" in text


def test_unknown_page_size_is_refused(course):
    with pytest.raises(ValueError):
        certificate_pdf_render(make_certificate(make_learner(), course=course), page_size="a3")


# Arabic comes back in visual order (pypdf reads left to right), each word's letters in
# logical order: the test compares the words, in either order.
@pytest.mark.parametrize(
    "name, language",
    [
        ("فاطمة الزهراء بن علي", "ar"),
        ("ნინო ბერიძე", "ka"),
        ("王小明", "zh-hans"),
        ("Иван Петров", "ru"),
        ("Nguyễn Thị Ánh", "en"),
    ],
)
def test_the_name_is_extracted_back_in_any_script(course, name, language):
    certificate = make_certificate(make_learner(), course=course, recipient_name=name, language=language)
    _, text = read(certificate_pdf_render(certificate, page_size="a4"))
    extracted = words(text)
    expected = words(name)
    found = any(extracted[i : i + len(expected)] in (expected, expected[::-1]) for i in range(len(extracted)))
    assert found, (expected, extracted)
    assert "\x00" not in text and "\ufffd" not in text


def test_details_are_printed_in_the_certificate_language(course):
    certificate = make_certificate(
        make_learner(), course=course, language="fr", issued_at=datetime(2026, 3, 5, 12, tzinfo=UTC)
    )
    _, text = read(certificate_pdf_render(certificate, page_size="a4"))
    assert "mars 2026" in text  # Django's own French month name
    assert "REVOKED" not in text


def test_a_revoked_certificate_says_so_with_the_date(course):
    certificate = make_certificate(
        make_learner(), course=course, revoked_at=datetime(2026, 11, 20, 8, tzinfo=UTC), revocation_reason="secret"
    )
    _, text = read(certificate_pdf_render(certificate, page_size="letter"))
    assert "REVOKED on Nov. 20, 2026" in " ".join(text.split())
    assert "secret" not in text  # the reason is never printed


def test_a_replaced_certificate_is_marked_revoked_too(course):
    certificate = make_certificate(make_learner(), course=course, replaced_at=timezone.now())
    _, text = read(certificate_pdf_render(certificate, page_size="a4"))
    assert "REVOKED on" in text


def test_long_names_and_many_outcomes_stay_on_one_page(course):
    certificate = make_certificate(
        make_learner(),
        course=course,
        recipient_name="Maximiliana " * 16,
        achievement_name="A very long course title " * 10,
        outcomes=[f"Outcome number {n} " + "with many words " * 20 for n in range(40)],
    )
    reader, text = read(certificate_pdf_render(certificate, page_size="letter"))
    assert len(reader.pages) == 1
    assert "Outcome number 0" in text
    assert "Outcome number 39" not in text
    assert certificate.public_id in text  # the verification block is still there


def test_a_name_outside_our_fonts_still_prints_the_page(course):
    """Devanagari or an emoji have no glyph in the committed fonts: boxes, never an error."""
    certificate = make_certificate(make_learner(), course=course, recipient_name="देवनागरी 😀 Amina")
    reader, text = read(certificate_pdf_render(certificate, page_size="a4"))
    assert len(reader.pages) == 1 and "Amina" in text
