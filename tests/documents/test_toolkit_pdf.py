"""The toolkit's PDFs embed their fonts and break Chinese lines by the rules."""

from tests.documents.checks import assert_fonts_embedded, broken_lines, fonts, page_lines
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


def test_official_page_holds_22_lines_and_numbers_pages_at_the_outer_corner():
    data = pdf.build(
        [pdf.paragraph("政" * 2000, pdf.body_style())],
        title="版式",
        page_numbers=True,
        **pdf.OFFICIAL_MARGINS,
    )
    odd, even = (page_lines(data, number) for number in (1, 2))
    assert len(odd) == len(even) == 22 + 1  # the body's lines, then the page number
    assert {len(line.strip()) for line in odd[:-1]} == {27}  # 156 mm of 3号, about 28
    assert odd[-1].strip() == "— 1 —" and odd[-1].startswith(" " * 10)  # right on odd pages
    assert even[-1] == "— 2 —"  # left on even ones
