"""The toolkit's PDFs embed their fonts and break Chinese lines by the rules."""

from tests.documents.checks import assert_fonts_embedded, fonts
from xxgk.core.documents import pdf


def test_every_font_is_embedded_as_a_subset():
    body = pdf.body_style()
    flow = [pdf.paragraph("告知书", pdf.title_style(body)), pdf.paragraph("正文，" * 300, body)]
    data = pdf.build(flow, title="告知书", page_numbers=True, **pdf.OFFICIAL_MARGINS)
    assert_fonts_embedded(data)
    # A subset's name carries a six-letter tag; no Helvetica from the canvas's default font.
    assert all("+" in name for name, _ in fonts(data))
