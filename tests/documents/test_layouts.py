"""The school's layout (设置 → 公文版式与字体): letters and the annual report in the official
layout of GB/T 9704-2012 or a plain one, PDF and DOCX; letters close with the issuing organ
and the date placed for the seal; the DOCX files use Word styles, no direct formatting."""

import datetime
import io

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from tests.documents.checks import assert_fonts_embedded, assert_pdfa_2b, broken_lines, word, words
from tests.factories import review_through
from xxgk.core.documents import cn_date
from xxgk.core.models import DocumentSettings
from xxgk.disclosures.services import create_disclosure
from xxgk.reports import exports, services
from xxgk.reports.models import AnnualReportDraft
from xxgk.requests import letters
from xxgk.review.documents import render_record_docx
from xxgk_demo import reports as demo

pytestmark = pytest.mark.django_db

TITLE = "政府信息公开申请答复告知书"
BODY = "经审查，您申请获取的信息属于主动公开范围，现予以公开。" * 4
TEXT = f"张三：\n\n{BODY}\n\n如对本答复不服，可以依法申请行政复议或者提起行政诉讼。"
PAGE_WIDTH = A4[0]


def choose(layout: str) -> None:
    row = DocumentSettings.load()
    row.layout = layout
    row.save()


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def height(w) -> float:
    return w[4] - w[2]


def test_letter_pdf_official_layout_places_organ_and_date_for_the_seal(settings):
    settings.XXGK_SCHOOL_NAME = "衢州学院"
    data = letters.pdf_bytes(TITLE, TEXT)
    assert_fonts_embedded(data)
    assert_pdfa_2b(data)
    assert broken_lines(data) == []
    title, address = word(data, TITLE), word(data, "张三：")
    organ, date = word(data, "衢州学院"), word(data, cn_date(datetime.date.today()))
    # GB/T 9704 page: body from 28 mm, 3号 body, 2号 title, centred.
    assert address[1] == pytest.approx(28 * mm, abs=0.5)
    assert height(address) == pytest.approx(16, abs=0.5)
    assert height(title) == pytest.approx(22, abs=0.5)
    assert (title[1] + title[3]) / 2 == pytest.approx((28 * mm + PAGE_WIDTH - 26 * mm) / 2, abs=1)
    # Body paragraphs indented two characters, the addressee flush left.
    first_body = next(w for w in words(data) if w[0].startswith("经审查"))
    assert first_body[1] == pytest.approx(28 * mm + 32, abs=0.5)
    # The date ends four characters in from the right margin, the organ centred above it.
    assert date[3] == pytest.approx(PAGE_WIDTH - 26 * mm - 4 * 16, abs=0.5)
    assert (organ[1] + organ[3]) / 2 == pytest.approx((date[1] + date[3]) / 2, abs=0.5)
    assert date[2] - organ[2] == pytest.approx(28.9, abs=0.5)  # on the next line
    # Two lines of room between the body and the organ for the seal's upper half.
    last_body = max(
        (w for w in words(data) if w[2] < organ[2] and w[1] < PAGE_WIDTH / 2), key=lambda w: w[2]
    )
    assert organ[2] - last_body[4] >= 2 * 28.9 - 16
    # The seal (42 mm across) centred on the date fits between the margins.
    centre = (date[1] + date[3]) / 2
    assert centre + 21 * mm <= PAGE_WIDTH - 26 * mm and centre - 21 * mm >= 28 * mm
    assert word(data, "—")  # page number "— 1 —"


def test_letter_pdf_plain_layout_differs_measurably():
    official = letters.pdf_bytes(TITLE, TEXT)
    choose("plain")
    plain = letters.pdf_bytes(TITLE, TEXT)
    assert_fonts_embedded(plain)
    assert_pdfa_2b(plain)
    address, title = word(plain, "张三："), word(plain, TITLE)
    assert address[1] == pytest.approx(25 * mm, abs=0.5)  # 25 mm margins
    assert address[2] < word(official, "张三：")[2] - 20  # a higher top margin
    assert height(address) == pytest.approx(12, abs=0.5)  # 小四 body
    assert height(title) == pytest.approx(18, abs=0.5)  # 小二 title
    # The signature flush right against the margin, no room for a seal.
    school = word(plain, "衢州学院")
    date = word(plain, cn_date(datetime.date.today()))
    assert school[3] == date[3] == pytest.approx(PAGE_WIDTH - 25 * mm, abs=0.5)
    # Page number centred.
    number = next(w for w in words(plain) if w[0] == "1")
    assert (number[1] + number[3]) / 2 == pytest.approx(PAGE_WIDTH / 2, abs=1)


def paragraphs_without_direct_formatting(document) -> None:
    for paragraph in document.paragraphs:
        properties = paragraph._p.pPr
        assert properties is None or [child.tag.split("}")[1] for child in properties] == [
            "pStyle"
        ], paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr is None, paragraph.text


def test_letter_docx_official_layout_uses_word_styles(settings):
    settings.XXGK_SCHOOL_NAME = "衢州学院"
    document = open_docx(io.BytesIO(letters.docx_bytes(TITLE, TEXT)))
    styles = [p.style.name for p in document.paragraphs]
    assert styles == ["公文标题", "主送机关", "公文正文", "公文正文", "发文机关署名", "成文日期"]
    paragraphs_without_direct_formatting(document)
    section = document.sections[0]
    assert (round(section.left_margin.mm), round(section.top_margin.mm)) == (28, 37)
    organ, date = document.paragraphs[-2:]
    assert organ.text == "衢州学院" and date.text == cn_date(datetime.date.today())
    assert date.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.style.paragraph_format.right_indent.pt == 64  # four characters of 三号
    # The organ centred over the date: its right indent is the date's plus half the
    # difference of their widths (digits half a character wide).
    date_width = sum(8 if c.isascii() else 16 for c in date.text)
    expected = 64 + (date_width - 4 * 16) / 2
    assert organ.style.paragraph_format.right_indent.pt == pytest.approx(expected, abs=0.1)
    assert organ.style.paragraph_format.space_before.pt == 56  # two lines for the seal
    assert organ.style.paragraph_format.keep_with_next
    assert document.paragraphs[1].style.paragraph_format.first_line_indent is None
    assert document.paragraphs[2].style.paragraph_format.first_line_indent.pt == 32


def test_letter_docx_plain_layout():
    choose("plain")
    document = open_docx(io.BytesIO(letters.docx_bytes(TITLE, TEXT)))
    styles = [p.style.name for p in document.paragraphs]
    assert styles == ["文档标题", "称呼", "正文段落", "正文段落", "署名", "日期"]
    paragraphs_without_direct_formatting(document)
    section = document.sections[0]
    assert {round(m.mm) for m in (section.left_margin, section.top_margin)} == {25}
    body = document.paragraphs[2].style
    assert (body.font.name, body.font.size.pt) == ("宋体", 12)
    assert document.paragraphs[-1].style.paragraph_format.right_indent is None
    footer = section.footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER and "PAGE" in footer._p.xml
    assert not document.settings.odd_and_even_pages_header_footer


def test_annual_report_in_both_layouts(db, admin_user):
    demo.load_demo(io.StringIO())
    report = services.render_draft(AnnualReportDraft.objects.get(year=2021), linked=False)
    signed = datetime.date(2022, 10, 31)
    official_pdf = exports.report_pdf(report, signed_on=signed)
    official_docx = open_docx(io.BytesIO(exports.report_docx(report, signed_on=signed)))
    choose("plain")
    plain_pdf = exports.report_pdf(report, signed_on=signed)
    plain_docx = open_docx(io.BytesIO(exports.report_docx(report, signed_on=signed)))
    for data in (official_pdf, plain_pdf):
        assert_fonts_embedded(data)
        assert_pdfa_2b(data)
    official_title, plain_title = word(official_pdf, "衢州学院"), word(plain_pdf, "衢州学院")
    assert height(official_title) == pytest.approx(22, abs=0.5)
    assert height(plain_title) == pytest.approx(18, abs=0.5)
    # The plain layout's smaller type and narrower margins: fewer pages.
    assert pages(plain_pdf) < pages(official_pdf)
    # The closing: organ and date in the official layout's places, flush right in the plain.
    last_official = official_docx.paragraphs[-2:]
    assert [p.style.name for p in last_official] == ["发文机关署名", "成文日期"]
    assert last_official[1].text == "2022年10月31日"
    assert [p.style.name for p in plain_docx.paragraphs[-2:]] == ["署名", "日期"]
    assert official_docx.paragraphs[0].style.name == "公文标题"
    assert plain_docx.paragraphs[0].style.name == "文档标题"
    assert round(plain_docx.sections[0].left_margin.mm) == 25


def test_review_sheet_docx_uses_the_word_styles(editor_a, dept_a, item_a):
    page = create_disclosure(
        user=editor_a,
        item=item_a,
        title="关于公示的通知",
        publishing_department=dept_a,
        body="<p>正文。</p>",
    )
    record = review_through(page, submitter=editor_a, opinion="同意公开。")
    document = open_docx(io.BytesIO(render_record_docx(record)))
    assert document.paragraphs[0].style.name == "公文标题"
    paragraphs_without_direct_formatting(document)
    cells = [cell.paragraphs[0] for row in document.tables[0].rows for cell in row.cells]
    assert {p.style.name for p in cells} == {"表格文字"}
    assert "同意公开。" in [p.text for p in cells]
    assert all(p._p.pPr is not None and len(p._p.pPr) == 1 for p in cells)
