"""The printable certificate: one landscape page (A4 or US Letter) in the certificate's language.

fpdf2 lays it out and shapes text with HarfBuzz (uharfbuzz), so Arabic joins and runs right to
left; names in any of our scripts print in the committed Noto fonts (certificates/fonts/README),
added only when the page needs them (the Chinese font is 4 MB to parse).
"""

import logging
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import qrcode
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from qrcode.constants import ERROR_CORRECT_M

from certificates.credentials import verification_url
from certificates.models import Certificate, CertificateKind

# fontTools logs every table it prunes while fpdf2 subsets a font ("glyf pruned"): not news.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
PAGE_FORMATS = {"a4": "A4", "letter": "Letter"}
PDF_MEDIA_TYPE = "application/pdf"
OUTCOMES_SHOWN = 6
OUTCOME_MAX_CHARS = 140

BASE_FAMILY = "NotoSans"  # Latin, Greek, Cyrillic; regular and bold
# Other scripts fall back to these, each added only when a text on the page uses its script.
FALLBACK_FONTS = [
    ("NotoSansArabic", "NotoSansArabic-Regular.ttf", re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("NotoSansGeorgian", "NotoSansGeorgian-Regular.ttf", re.compile("[\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f]")),
    ("NotoSansSC", "NotoSansCJKsc-Regular.ttf", re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")),
]
INK = (33, 37, 41)
MUTED = (90, 98, 106)
ACCENT = (20, 83, 136)
REVOKED = (176, 0, 32)


def certificate_pdf_file_name(certificate: Certificate, page_size: str) -> str:
    return f"certificate-{certificate.public_id}-{page_size}.pdf"


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def _hours(hours: Decimal) -> str:
    whole = hours == hours.to_integral_value()
    shown = hours.quantize(Decimal(1)) if whole else hours  # "4", not "4.0"
    count = int(hours) if whole else 2  # a fraction takes the plural
    return ngettext("%(hours)s hour of study", "%(hours)s hours of study", count) % {"hours": formats.localize(shown)}


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _texts(certificate: Certificate) -> dict:
    """Every string printed, in the active language."""
    revoked_at = certificate.revoked_at or certificate.replaced_at
    program = certificate.kind == CertificateKind.PROGRAM
    return {
        "site": settings.WAGTAIL_SITE_NAME,
        "title": _("Program certificate") if program else _("Certificate of completion"),
        "certifies": _("This certifies that"),
        "name": _shorten(certificate.recipient_name, 120),
        "completed": _("has completed the program") if program else _("has completed the course"),
        "achievement": _shorten(certificate.achievement_name, 160),
        "details": "  ·  ".join(
            [
                _("Taught by %(issuer)s") % {"issuer": _shorten(certificate.issuer_name, 80)},
                _hours(certificate.hours),
                _("Issued on %(date)s") % {"date": _when(certificate.issued_at)},
            ]
        ),
        "outcomes_title": _("Learning outcomes") if certificate.outcomes else "",
        "outcomes": [_shorten(str(o), OUTCOME_MAX_CHARS) for o in certificate.outcomes[:OUTCOMES_SHOWN]],
        "more_outcomes": (
            _("and %(count)s more") % {"count": len(certificate.outcomes) - OUTCOMES_SHOWN}
            if len(certificate.outcomes) > OUTCOMES_SHOWN
            else ""
        ),
        "check": _("Check this certificate at"),
        "url": verification_url(certificate),
        "id": _("Certificate id: %(id)s") % {"id": certificate.public_id},
        "revoked": _("REVOKED on %(date)s") % {"date": _when(revoked_at)} if revoked_at else "",
        "revoked_mark": _("REVOKED") if revoked_at else "",
    }


def _all_text(texts: dict) -> str:
    return "\n".join(value if isinstance(value, str) else "\n".join(value) for value in texts.values())


class _CertificatePDF(FPDF):
    def fit_line(self, text: str, *, size: float, smallest: float, style: str = "", height: float):
        """One centred line, the font shrunk until it fits (then wrapped, if still too long)."""
        width = self.epw
        while size > smallest:
            self.set_font(BASE_FAMILY, style, size)
            if self.get_string_width(text) <= width:
                break
            size -= 1
        self.set_font(BASE_FAMILY, style, size)
        self.multi_cell(width, height, text, align="C", new_x="LMARGIN", new_y="NEXT")

    def qr_code(self, url: str, *, x: float, y: float, size: float):
        """The QR code as vector squares (sharp at any print resolution; a few hundred bytes)."""
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(url)
        code.make(fit=True)
        matrix = code.get_matrix()
        module = size / len(matrix)
        self.set_fill_color(0, 0, 0)
        for row, cells in enumerate(matrix):
            column = 0
            while column < len(cells):
                if cells[column]:
                    start = column
                    while column < len(cells) and cells[column]:
                        column += 1
                    self.rect(x + start * module, y + row * module, (column - start) * module, module, style="F")
                else:
                    column += 1


def certificate_pdf_render(certificate: Certificate, *, page_size: str = "a4") -> bytes:
    """The certificate as a one-page PDF in its own language; marked REVOKED when revoked or replaced."""
    if page_size not in PAGE_FORMATS:
        raise ValueError(f"page_size must be one of {sorted(PAGE_FORMATS)}, not {page_size!r}")
    with translation.override(certificate.language or settings.LANGUAGE_CODE):
        texts = _texts(certificate)
        rtl = translation.get_language_bidi()
    pdf = _CertificatePDF(orientation="landscape", unit="mm", format=PAGE_FORMATS[page_size])
    pdf.set_auto_page_break(False)
    pdf.set_margins(22, 18, 22)
    pdf.set_title(f"{texts['title']}: {certificate.recipient_name}")
    pdf.set_author(settings.WAGTAIL_SITE_NAME)
    pdf.set_creator(settings.WAGTAIL_SITE_NAME)
    pdf.set_lang(certificate.language or settings.LANGUAGE_CODE)
    pdf.set_creation_date(certificate.revoked_at or certificate.replaced_at or certificate.issued_at)

    pdf.add_font(BASE_FAMILY, "", FONTS_DIR / "NotoSans-Regular.ttf")
    pdf.add_font(BASE_FAMILY, "B", FONTS_DIR / "NotoSans-Bold.ttf")
    everything = _all_text(texts)
    fallbacks = []
    for family, file_name, script in FALLBACK_FONTS:
        if script.search(everything):
            pdf.add_font(family, "", FONTS_DIR / file_name)
            fallbacks.append(family)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_text_shaping(use_shaping_engine=True)
    pdf.add_page()

    # A double frame.
    pdf.set_draw_color(*(REVOKED if texts["revoked"] else ACCENT))
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)

    if texts["revoked"]:
        pdf.set_text_color(*REVOKED)
        pdf.set_font(BASE_FAMILY, "B", 90)
        with pdf.local_context(fill_opacity=0.12, text_color=REVOKED):
            with pdf.rotation(25, x=pdf.w / 2, y=pdf.h / 2):
                mark = texts["revoked_mark"]
                pdf.text(pdf.w / 2 - pdf.get_string_width(mark) / 2, pdf.h / 2 + 12, mark)

    pdf.set_y(17)
    pdf.set_text_color(*MUTED)
    pdf.fit_line(texts["site"], size=12, smallest=8, height=6)
    if texts["revoked"]:
        pdf.set_text_color(*REVOKED)
        pdf.fit_line(texts["revoked"], size=16, smallest=10, style="B", height=8)
    else:
        pdf.ln(8)
    pdf.set_text_color(*ACCENT)
    pdf.fit_line(texts["title"], size=30, smallest=18, style="B", height=14)
    pdf.ln(3)
    pdf.set_text_color(*MUTED)
    pdf.fit_line(texts["certifies"], size=13, smallest=9, height=7)
    pdf.set_text_color(*INK)
    pdf.fit_line(texts["name"], size=28, smallest=16, style="B", height=13)
    pdf.set_text_color(*MUTED)
    pdf.fit_line(texts["completed"], size=13, smallest=9, height=7)
    pdf.set_text_color(*INK)
    pdf.fit_line(texts["achievement"], size=20, smallest=13, style="B", height=10)
    pdf.ln(1)
    pdf.set_text_color(*MUTED)
    pdf.fit_line(texts["details"], size=11, smallest=8, height=6)

    if texts["outcomes"]:
        pdf.ln(3)
        pdf.set_text_color(*INK)
        pdf.fit_line(texts["outcomes_title"], size=11, smallest=9, style="B", height=6)
        pdf.set_font(BASE_FAMILY, "", 9.5)
        column = pdf.epw * 0.7
        pdf.set_x(pdf.l_margin + (pdf.epw - column) / 2)
        lines = [f"•  {outcome}" for outcome in texts["outcomes"]]
        if texts["more_outcomes"]:
            lines.append(texts["more_outcomes"])
        for line in lines:
            if pdf.get_y() > pdf.h - 62:  # bounded: never runs into the verification block
                break
            pdf.set_x(pdf.l_margin + (pdf.epw - column) / 2)
            pdf.multi_cell(column, 5, line, align="R" if rtl else "L", new_x="LMARGIN", new_y="NEXT", max_line_height=5)

    # The verification block: QR code, address and id.
    qr_size = 30
    top = pdf.h - 18 - qr_size
    pdf.qr_code(texts["url"], x=pdf.l_margin, y=top, size=qr_size)
    text_x = pdf.l_margin + qr_size + 6
    width = pdf.w - pdf.r_margin - text_x
    pdf.set_xy(text_x, top + 6)
    pdf.set_text_color(*MUTED)
    pdf.set_font(BASE_FAMILY, "", 10)
    pdf.cell(width, 5, texts["check"], new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(*ACCENT)
    pdf.set_font(BASE_FAMILY, "B", 10)
    pdf.cell(width, 6, texts["url"], link=texts["url"], new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(*MUTED)
    pdf.set_font(BASE_FAMILY, "", 9)
    pdf.cell(width, 5, texts["id"], new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())
