"""PDF with reportlab: the CJK fonts, official-document styles, page numbers, building.

Every font is embedded (as a subset) so a letter looks the same on any phone or archive tool:
a referenced-only font such as reportlab's STSong-Light leaves the glyphs to whatever the
viewer substitutes. reportlab embeds TrueType outlines only, and Debian's Noto CJK ships CFF
outlines (`TTFont` rejects them), so the fonts are Debian's TrueType CJK fonts, installed by
`make system-deps`: AR PL UMing (明体, for 宋/仿宋 text), AR PL UKai (楷) and WenQuanYi Zen
Hei (黑). All three are free to embed (Arphic Public Licence, GPL with font exception).
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from . import NO_LINE_END, NO_LINE_START
from .pdfa import archival

# Font name -> (file, index of the face in the TrueType collection).
FONT_FILES = {
    "UMingCN": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "UKaiCN": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "WenQuanYiZenHei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}
CJK_FONT = "UMingCN"
KAI_FONT = "UKaiCN"
HEI_FONT = "WenQuanYiZenHei"
# GB/T 9704-2012 page: top 37 mm, left 28 mm (binding), body 156 × 225 mm, so right 26 mm and
# bottom 35 mm. 3号 (16 pt) body text on 28.9 pt lines gives the standard's 22 lines a page.
OFFICIAL_MARGINS = {
    "topMargin": 37 * mm,
    "leftMargin": 28 * mm,
    "rightMargin": 26 * mm,
    "bottomMargin": 35 * mm,
}
BODY_SIZE, BODY_LEADING = 16, 28.9
# Ruled table: thin black grid, cells centred vertically (review sheet, report tables);
# plain-string cells (the empty ones) in the CJK font, not reportlab's unembedded Helvetica.
GRID = [
    ("FONTNAME", (0, 0), (-1, -1), CJK_FONT),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
]


def register_font(name: str = CJK_FONT) -> str:
    """Register the font `name` (a key of FONT_FILES) once per process and return its name for
    styles and canvases; reportlab embeds the glyphs a document uses, not the whole file."""
    if name not in pdfmetrics.getRegisteredFontNames():
        path, index = FONT_FILES[name]
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    return name


def register_cjk_font() -> str:
    """The body text's font, registered."""
    return register_font(CJK_FONT)


def body_style(name: str = "body", **overrides) -> ParagraphStyle:
    """Body text: 3号 on the standard's line pitch, wrapped between CJK characters."""
    values = {
        "fontName": register_cjk_font(),
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",
    }
    values.update(overrides)
    return ParagraphStyle(name, **values)


def title_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    """The document's title, 2号 (22 pt), centred above the body."""
    values = {"fontSize": 22, "leading": 36, "alignment": TA_CENTER}
    values.update(overrides)
    return ParagraphStyle("title", parent=body, **values)


def heading_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    """First-level heading (一、): 黑体 at the body's size, as GB/T 9704 sets it."""
    return ParagraphStyle("heading", parent=body, fontName=register_font(HEI_FONT), **overrides)


def subheading_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    """Second-level heading (（一）): 楷体 at the body's size."""
    return ParagraphStyle("subheading", parent=body, fontName=register_font(KAI_FONT), **overrides)


def signature_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    """The 落款 (issuer, date), set flush right."""
    return ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, **overrides)


def _line_text(line) -> str:
    # wordSplit's lines are (space, [text]); cjkFragSplit's and several-frag lines carry their
    # frags in `words`.
    parts = line[1] if isinstance(line, tuple) else [word.text for word in line.words]
    return "".join(parts)


def _first_bad_break(lines) -> int | None:
    """The first line after which the break violates the rules, or None."""
    texts = [_line_text(line) for line in lines]
    for k, (this, following) in enumerate(zip(texts, texts[1:], strict=False)):
        if (this and this[-1] in NO_LINE_END) or (following and following[0] in NO_LINE_START):
            return k
    return None


class ChineseParagraph(Paragraph):
    """A Paragraph that keeps to the Chinese line-breaking rules (禁则) by narrowing an
    offending line by one character, which moves its last character down with the punctuation
    (推入/推出), then wrapping again. reportlab's CJK wrap breaks between any two characters
    and its word wrap splits a long run of Chinese anywhere too, so both are checked: a style
    without ``wordWrap="CJK"`` (a review sheet's title) keeps the rules as well."""

    def _by_the_rules(self, wrap, maxWidths):
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        broken = wrap(widths)
        # Each pass fixes one break; a bound keeps a pathological paragraph finite.
        for _ in range(len(broken.lines) * 3):
            k = _first_bad_break(broken.lines)
            if k is None:
                break
            widths += [widths[-1]] * (k + 2 - len(widths))
            widths[k] -= self.style.fontSize
            broken = wrap(widths)
        return broken

    def breakLinesCJK(self, maxWidths):
        return self._by_the_rules(super().breakLinesCJK, maxWidths)

    def breakLines(self, width):
        return self._by_the_rules(super().breakLines, width)


def markup(text: str, *, line_breaks: bool = False) -> str:
    """Plain text as Paragraph markup: `<` and `&` in names or opinions must not be parsed as
    tags (reportlab raises on them, or silently drops text). Paragraph joins lines with a
    space; with `line_breaks` each newline starts a new line instead (letters' paragraphs)."""
    text = escape(text)
    return text.replace("\n", "<br/>") if line_breaks else text


def paragraph(text: str, style: ParagraphStyle, *, line_breaks: bool = False) -> Paragraph:
    return ChineseParagraph(markup(text, line_breaks=line_breaks), style)


def draw_page_number(canvas, document) -> None:
    """Page number "— n —" in 4号 (14 pt), 7 mm under the body, at the outer corner one
    character in (right on odd pages, left on even ones, for two-sided printing)."""
    size = 14
    y = document.bottomMargin - 7 * mm - size
    canvas.saveState()
    canvas.setFont(register_cjk_font(), size)
    text = f"— {document.page} —"
    if document.page % 2:
        canvas.drawRightString(A4[0] - document.rightMargin - size, y, text)
    else:
        canvas.drawString(document.leftMargin + size, y, text)
    canvas.restoreState()


def build(flow: list, *, title: str, page_numbers: bool = False, **layout) -> bytes:
    """Lay out `flow` on A4 and return the file, as PDF/A-2b (`pdfa.archival`): letters,
    review sheets and reports are archived. `layout` passes margins to reportlab."""
    buffer = io.BytesIO()
    # The canvas's initial font would otherwise be Helvetica, referenced on every page and
    # never embedded.
    document = BaseDocTemplate(
        buffer, pagesize=A4, title=title, initialFontName=register_cjk_font(), **layout
    )
    # The text fills the margins exactly (reportlab's default frame pads 6 pt on each side,
    # which would cost a line and a character of the standard's 22 × 28 grid).
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    furniture = {"onPage": draw_page_number} if page_numbers else {}
    document.addPageTemplates([PageTemplate(frames=[frame], **furniture)])
    document.build(flow)
    return archival(buffer.getvalue(), title=title)
