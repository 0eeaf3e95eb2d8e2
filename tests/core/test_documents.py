"""The document toolkit (xxgk.core.documents) that letters, review sheets and the report share."""

import datetime
import io

from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from xxgk.core.documents import cn_date, docx, pdf, signature_lines


def test_cn_date_has_no_leading_zeros_and_empty_for_no_date():
    assert cn_date(datetime.date(2022, 1, 5)) == "2022年1月5日"
    assert cn_date(None) == ""


def test_signature_is_the_school_then_the_date_when_dated(settings):
    settings.XXGK_SCHOOL_NAME = "衢州学院"
    assert signature_lines() == ["衢州学院"]
    assert signature_lines(datetime.date(2022, 10, 31)) == ["衢州学院", "2022年10月31日"]


def test_markup_escapes_tags_and_keeps_line_breaks_when_asked():
    assert pdf.markup("a<b>&c\nd") == "a&lt;b&gt;&amp;c\nd"
    assert pdf.markup("a<b>&c\nd", line_breaks=True) == "a&lt;b&gt;&amp;c<br/>d"


def test_pdf_prints_chinese_and_page_numbers():
    body = pdf.body_style()
    flow = [pdf.paragraph("标题<一>", pdf.title_style(body))]
    flow += [pdf.paragraph("正文" * 400, body) for _ in range(3)]
    data = pdf.build(flow, title="标题", page_numbers=True, **pdf.OFFICIAL_MARGINS)
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    assert "标题<一>" in pages[0].extract_text() and "— 2 —" in pages[1].extract_text()
    assert pdf.register_cjk_font() == pdf.register_cjk_font() == pdf.CJK_FONT


def test_official_docx_paragraphs_take_their_fonts_from_word_styles():
    """Editing a style in Word restyles every paragraph of its kind: paragraphs carry the style
    and no direct formatting; Chinese text takes the East Asian font of the style."""
    document = docx.official_document()
    docx.official_paragraph(document.add_paragraph(), "关于做好信息公开工作的通知", "title")
    docx.official_paragraph(document.add_paragraph(), "一、总体情况", "heading")
    docx.official_paragraph(document.add_paragraph(), "正文", "body")
    opened = open_docx(io.BytesIO(docx.to_bytes(document)))
    section = opened.sections[0]
    assert (round(section.page_width.mm), round(section.left_margin.mm)) == (210, 28)
    title, heading, body = opened.paragraphs
    assert [p.style.name for p in (title, heading, body)] == ["公文标题", "一级标题", "公文正文"]
    for paragraph in (title, heading, body):
        assert paragraph.runs[0].font.name is None and paragraph.runs[0].font.size is None
    # 二号 方正小标宋 title, 三号 黑体 first-level heading, 三号 仿宋 body in fixed 28 pt lines
    # with a two-character first-line indent.
    assert (title.style.font.name, title.style.font.size.pt) == ("方正小标宋简体", 22)
    assert (heading.style.font.name, heading.style.font.size.pt) == ("黑体", 16)
    assert (body.style.font.name, body.style.font.size.pt) == ("仿宋_GB2312", 16)
    assert 'w:eastAsia="仿宋_GB2312"' in body.style.element.xml
    assert body.style.paragraph_format.line_spacing.pt == 28
    assert body.style.paragraph_format.first_line_indent.pt == 32
    assert '<w:outlineLvl w:val="0"/>' in heading.style.element.xml


def test_official_docx_numbers_pages_at_the_outer_corner():
    opened = open_docx(io.BytesIO(docx.to_bytes(docx.official_document())))
    section = opened.sections[0]
    assert opened.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert "PAGE" in footer._element.xml and footer.text == "—  —"
        assert (footer.style.name, footer.style.font.size.pt) == ("页码", 14)


def test_new_document_sets_the_east_asian_font_of_normal():
    document = docx.new_document("FangSong", "仿宋", size=14)
    docx.add_centred_title(document, "告知书", 20)
    docx.add_right_aligned(document, ["衢州学院"])
    opened = open_docx(io.BytesIO(docx.to_bytes(document)))
    normal = opened.styles["Normal"]
    assert normal.font.name == "FangSong" and normal.font.size.pt == 14
    assert 'w:eastAsia="仿宋"' in normal.element.xml
    assert opened.paragraphs[0].runs[0].bold and opened.paragraphs[-1].text == "衢州学院"
