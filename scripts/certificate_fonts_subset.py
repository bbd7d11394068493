"""Subset the Noto fonts the certificate PDFs use into certificates/fonts/ (run by a developer, once).

The sources are Debian's fonts-noto-core and fonts-noto-cjk (SIL OFL 1.1); nothing is needed at
run time but the files this writes. Chinese is limited to GB2312's 6,763 hanzi (levels 1 and 2),
plus CJK punctuation and full-width forms, and its PostScript (CFF) outlines are converted to
TrueType ones: fpdf2 then embeds it like the other fonts (CIDFontType2), whose text every PDF
reader extracts (pypdf 7 garbles text set in an embedded CFF font). Every OpenType layout feature
is kept, so Arabic still shapes and joins. Run from the repository root:

    apt-get install fonts-noto-core fonts-noto-cjk
    .venv/bin/python scripts/certificate_fonts_subset.py
"""

from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._m_a_x_p import table__m_a_x_p

CORE = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_SC = 2  # the collection's "Noto Sans CJK SC"
OUT = Path(__file__).resolve().parent.parent / "certificates" / "fonts"

COMMON = [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1), 0x2116, 0x25CC]
LATIN_GREEK_CYRILLIC = [
    *COMMON,
    *range(0x100, 0x250),  # Latin Extended-A and -B
    *range(0x250, 0x370),  # IPA, spacing modifiers, combining marks
    *range(0x370, 0x400),  # Greek
    *range(0x400, 0x530),  # Cyrillic and its supplement
    *range(0x1E00, 0x1F00),  # Latin Extended Additional (Vietnamese)
]
ARABIC = [
    *COMMON,
    *range(0x600, 0x700),
    *range(0x750, 0x780),
    *range(0x8A0, 0x900),
    *range(0xFB50, 0xFE00),  # presentation forms A
    *range(0xFE70, 0xFF00),  # presentation forms B
]
GEORGIAN = [*COMMON, *range(0x10A0, 0x1100), *range(0x1C90, 0x1CC0), *range(0x2D00, 0x2D30)]


def gb2312_hanzi() -> list[int]:
    """The 6,763 hanzi of GB2312: rows 16 to 87 of its 94x94 table."""
    found = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.append(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    assert len(found) == 6763, len(found)
    return found


CHINESE = [*COMMON, *range(0x3000, 0x3040), *range(0xFF00, 0xFFF0), *gb2312_hanzi()]


def cff_to_truetype(font: TTFont) -> TTFont:
    """Quadratic outlines (within 1 font unit of the cubic ones) in a glyf table instead of CFF."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    maxp = table__m_a_x_p()
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs"):
        setattr(maxp, field, 0)
    maxp.maxStackElements = maxp.maxSizeOfInstructions = maxp.maxComponentElements = 0
    maxp.maxZones = 1
    font["glyf"], font["loca"], font["maxp"] = glyf, newTable("loca"), maxp  # maxp is recounted on save
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def write_subset(font: TTFont, codepoints, name: str, *, truetype=False) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # printed, not shown on a low-resolution screen
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    if truetype:
        font = cff_to_truetype(font)
    font.save(OUT / name)
    print(f"{name}: {(OUT / name).stat().st_size:,} bytes")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    write_subset(TTFont(CORE / "NotoSans-Regular.ttf"), LATIN_GREEK_CYRILLIC, "NotoSans-Regular.ttf")
    write_subset(TTFont(CORE / "NotoSans-Bold.ttf"), LATIN_GREEK_CYRILLIC, "NotoSans-Bold.ttf")
    write_subset(TTFont(CORE / "NotoSansArabic-Regular.ttf"), ARABIC, "NotoSansArabic-Regular.ttf")
    write_subset(TTFont(CORE / "NotoSansGeorgian-Regular.ttf"), GEORGIAN, "NotoSansGeorgian-Regular.ttf")
    write_subset(TTCollection(CJK).fonts[CJK_SC], CHINESE, "NotoSansCJKsc-Regular.ttf", truetype=True)


if __name__ == "__main__":
    main()
