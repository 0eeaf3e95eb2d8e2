"""Chinese line breaking (禁则) in every generated document: in a PDF no line starts with
closing punctuation or ends with opening punctuation, whatever the paragraph's style; a DOCX
marks its text Simplified Chinese with kinsoku on, so that Word breaks its lines by the rules."""

import io
import zipfile

from lxml import etree
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from xxgk.core.documents import NO_LINE_END, NO_LINE_START, docx, pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The type area of an official page is 156 mm wide: 27 characters of 16 pt (442 pt / 16 pt).
PER_LINE = 27


def pdf_lines(data: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def breaks_the_rules(line: str) -> bool:
    return line[0] in NO_LINE_START or line[-1] in NO_LINE_END


def paragraphs_with_a_comma_at_each_line_end() -> list[str]:
    """Texts whose 28th character is "，" or "》": a wrap that breaks after any character that
    fits puts it at the start of the second line; the others check each mark likewise."""
    texts = []
    for mark in "，。、；：？！）》」』】":
        texts.append("字" * PER_LINE + mark + "后续的文字" * 12)
    texts.append("字" * (PER_LINE - 1) + "《" + "书名》后续的文字" * 8)  # opening mark at an end
    return texts


def build(paragraph_class, style, texts) -> bytes:
    flow = [paragraph_class(text, style) for text in texts]
    return pdf.build(flow, title="断行", **pdf.OFFICIAL_MARGINS)


def test_the_naive_wrap_would_start_a_line_with_a_comma():
    """The paragraphs below are a real test: reportlab's own wrap breaks them wrongly."""
    data = build(Paragraph, pdf.body_style(), paragraphs_with_a_comma_at_each_line_end())
    assert any(line.startswith("，") for line in pdf_lines(data))


def test_no_pdf_line_starts_with_closing_or_ends_with_opening_punctuation():
    texts = paragraphs_with_a_comma_at_each_line_end()
    font = pdf.register_cjk_font()
    styles = [
        pdf.body_style(),  # letters, the report's body
        pdf.body_style(alignment=4),  # justified
        # A style without wordWrap="CJK", as a review sheet's title: reportlab's word wrap
        # splits a run of Chinese anywhere too.
        ParagraphStyle("plain", fontName=font, fontSize=16, leading=22),
    ]
    for style in styles:
        lines = pdf_lines(build(pdf.paragraph, style, texts))
        assert [line for line in lines if breaks_the_rules(line)] == [], style.name
        # Nothing lost: every character is still there, in order.
        assert "".join(lines) == "".join(texts)


def xml(data: bytes, part: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(part))


def test_docx_marks_its_text_chinese_with_kinsoku_on():
    for document in (docx.official_document(), docx.new_document("SimSun", "宋体")):
        document.add_paragraph("正文，" * 40)
        data = docx.to_bytes(document)
        styles, settings = xml(data, "word/styles.xml"), xml(data, "word/settings.xml")
        defaults = styles.find(f"{W}docDefaults")
        lang = defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang")
        assert lang.get(f"{W}eastAsia") == "zh-CN"  # every run: python-docx's blank says en-US
        kinsoku = defaults.find(f"{W}pPrDefault/{W}pPr/{W}kinsoku")
        assert kinsoku is not None and kinsoku.get(f"{W}val") == "1"
        before = settings.find(f"{W}noLineBreaksBefore")
        after = settings.find(f"{W}noLineBreaksAfter")
        assert before.get(f"{W}lang") == after.get(f"{W}lang") == "zh-CN"
        assert set("，。、；：？！）》」』】") <= set(before.get(f"{W}val"))
        assert set("（《「『【") <= set(after.get(f"{W}val"))
        # In the schema's order, or Word calls the file damaged.
        tags = [etree.QName(child).localname for child in settings]
        assert (
            tags.index("characterSpacingControl")
            < tags.index("noLineBreaksAfter")
            < tags.index("noLineBreaksBefore")
            < tags.index("compat")
        )
