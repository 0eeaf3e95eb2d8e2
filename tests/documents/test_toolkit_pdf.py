"""The toolkit's PDFs embed their fonts and break Chinese lines by the rules."""

from tests.documents.checks import assert_fonts_embedded, broken_lines, fonts
from xxgk.core.documents import pdf


def test_every_font_is_embedded_as_a_subset():
    body = pdf.body_style()
    flow = [pdf.paragraph("告知书", pdf.title_style(body)), pdf.paragraph("正文，" * 300, body)]
    data = pdf.build(flow, title="告知书", page_numbers=True, **pdf.OFFICIAL_MARGINS)
    assert_fonts_embedded(data)
    # A subset's name carries a six-letter tag; no Helvetica from the canvas's default font.
    assert all("+" in name for name, _ in fonts(data))


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation():
    # Every offset puts each mark on a line boundary at some point, in one-frag paragraphs
    # and in paragraphs of several frags (a line break inside), at body and table sizes.
    flow = []
    for style in (pdf.body_style(), pdf.body_style(fontSize=16, leading=28)):
        for offset in range(20, 40):
            for mark in "，。、）》”：（《“":
                text = "字" * offset + mark + "后续文字" * 12
                flow.append(pdf.paragraph(text, style))
                flow.append(pdf.paragraph(text + "\n" + text, style, line_breaks=True))
    data = pdf.build(flow, title="断行", page_numbers=True, **pdf.OFFICIAL_MARGINS)
    assert broken_lines(data) == []
