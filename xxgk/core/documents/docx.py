"""DOCX with python-docx: CJK fonts, official-document styles and page, page numbers.

Word picks the font for Chinese characters from the East Asian slot (w:eastAsia), not from
the font name python-docx sets, so every helper that names a font sets both.
"""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

# (East Asian font, size in points, bold) per paragraph kind of an official document
# (GB/T 9704 look); 三号 = 16 pt, 二号 = 22 pt, 五号 = 10.5 pt.
OFFICIAL_STYLES = {
    "title": ("方正小标宋简体", 22, False),
    "heading": ("黑体", 16, False),
    "subheading": ("楷体_GB2312", 16, False),
    "minor": ("仿宋_GB2312", 16, True),
    "body": ("仿宋_GB2312", 16, False),
    "caption": ("黑体", 14, False),
    "cell": ("仿宋_GB2312", 10.5, False),
}


def new_document(font: str, east_asian_font: str, size: float | None = None):
    """A blank document whose Normal style uses `font`, and `east_asian_font` for Chinese."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = font
    if size is not None:
        style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), east_asian_font)
    return document


def set_run_font(run, name: str, size: float, bold: bool) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def official_run_font(run, kind: str) -> None:
    """Set `run` in the official style for `kind` (a key of OFFICIAL_STYLES)."""
    set_run_font(run, *OFFICIAL_STYLES[kind])


def add_centred_title(document, text: str, size: float):
    """A bold, centred title paragraph in the Normal style's font."""
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    return heading


def add_right_aligned(document, lines: list[str]) -> None:
    """Lines set flush right in the Normal style, e.g. the 落款 under a letter."""
    for line in lines:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def official_page(section) -> None:
    """A4 with the GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm)."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def page_number_footer(section, kind: str = "body") -> None:
    """Footer "— n —" with Word's PAGE field, so Word numbers the pages as it lays them out."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    official_run_font(paragraph.add_run("— "), kind)
    run = paragraph.add_run()
    official_run_font(run, kind)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    official_run_font(paragraph.add_run(" —"), kind)


def official_document():
    """A blank official document: A4, GB/T 9704 margins, page numbers in the footer."""
    document = Document()
    section = document.sections[0]
    official_page(section)
    page_number_footer(section)
    return document


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
