"""PDF with reportlab: the CJK fonts, the official and the plain layout, Chinese line
breaking, the 落款 with room for the seal, page numbers, building.

Every font is embedded (as a subset) so a letter looks the same on any phone or archive tool:
a referenced-only font such as reportlab's STSong-Light leaves the glyphs to whatever the
viewer substitutes. reportlab embeds TrueType outlines only, and Debian's Noto CJK ships CFF
outlines (`TTFont` rejects them), so the fonts are the office's uploaded TrueType fonts or
Debian's TrueType CJK fonts (`fonts.py`). A `Look` is one layout in one set of fonts; the
module-level helpers are the official layout in Debian's fonts.
"""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from . import NO_LINE_END, NO_LINE_START
from .fonts import CJK_FONT, FALLBACK, HEI_FONT, KAI_FONT, ROLES, Typefaces, register_font
from .pdfa import archival

__all__ = ["CJK_FONT", "HEI_FONT", "KAI_FONT", "register_font"]

# GB/T 9704-2012 page: top 37 mm, left 28 mm (binding), body 156 × 225 mm, so right 26 mm and
# bottom 35 mm. 3号 (16 pt) body text on 28.9 pt lines gives the standard's 22 lines a page.
OFFICIAL_MARGINS = {
    "topMargin": 37 * mm,
    "leftMargin": 28 * mm,
    "rightMargin": 26 * mm,
    "bottomMargin": 35 * mm,
}
BODY_SIZE, BODY_LEADING = 16, 28.9
# The plain layout: 25 mm on every side, 小四 (12 pt) body on 20 pt lines, as a memo or a
# printed web page; the school may prefer it to the official look.
PLAIN_MARGINS = {
    "topMargin": 25 * mm,
    "leftMargin": 25 * mm,
    "rightMargin": 25 * mm,
    "bottomMargin": 25 * mm,
}
# GB/T 9704-2012 7.3.5.1: the date of a sealed document is set right-aligned four characters
# in from the right edge of the type area, the issuing organ centred above it, and the seal
# (an organ's is 42 mm across) over both, its top within a line of the body's last line.
DATE_RIGHT_INDENT_CHARS = 4
SEAL_DIAMETER = 42 * mm


@dataclass(frozen=True)
class Page:
    """One layout's measures: margins, sizes and line pitches in points, page numbers."""

    margins: dict
    body_size: float
    body_leading: float
    title_size: float
    title_leading: float
    heading_size: float
    heading_leading: float
    number_size: float
    official: bool


OFFICIAL_PAGE = Page(
    margins=OFFICIAL_MARGINS,
    body_size=BODY_SIZE,
    body_leading=BODY_LEADING,
    title_size=22,  # 2号
    title_leading=36,
    heading_size=BODY_SIZE,  # headings at the body's size, in 黑体 and 楷体
    heading_leading=BODY_LEADING,
    number_size=14,  # 4号
    official=True,
)
PLAIN_PAGE = Page(
    margins=PLAIN_MARGINS,
    body_size=12,  # 小四
    body_leading=20,
    title_size=18,  # 小二
    title_leading=28,
    heading_size=14,  # 四号
    heading_leading=24,
    number_size=10.5,  # 五号
    official=False,
)


class Look:
    """One layout (`Page`) in one set of fonts (`fonts.Typefaces`): the paragraph styles, the
    table grid, the 落款 and the build of a document. `Look.of(house)` is the school's
    choice (documents.house.house_style)."""

    def __init__(self, page: Page = OFFICIAL_PAGE, fonts: Typefaces = FALLBACK):
        self.page = page
        # Uploaded fonts come registered; Debian's are registered on first use.
        self.fonts = Typefaces(**{role: register_font(getattr(fonts, role)) for role in ROLES})

    @classmethod
    def of(cls, house) -> "Look":
        return cls(PLAIN_PAGE if house.plain else OFFICIAL_PAGE, house.fonts)

    @property
    def official(self) -> bool:
        return self.page.official

    def body(self, name: str = "body", **overrides) -> ParagraphStyle:
        """Body text at the layout's size and pitch, wrapped between CJK characters."""
        values = {
            "fontName": self.fonts.body,
            "fontSize": self.page.body_size,
            "leading": self.page.body_leading,
            "wordWrap": "CJK",
        }
        values.update(overrides)
        return ParagraphStyle(name, **values)

    def title(self, body: ParagraphStyle, **overrides) -> ParagraphStyle:
        """The document's title (2号 小标宋 in the official layout), centred."""
        values = {
            "fontName": self.fonts.title,
            "fontSize": self.page.title_size,
            "leading": self.page.title_leading,
            "alignment": TA_CENTER,
        }
        values.update(overrides)
        return ParagraphStyle("title", parent=body, **values)

    def heading(self, body: ParagraphStyle, **overrides) -> ParagraphStyle:
        """First-level heading (一、): 黑体."""
        values = {
            "fontName": self.fonts.heading,
            "fontSize": self.page.heading_size,
            "leading": self.page.heading_leading,
        }
        values.update(overrides)
        return ParagraphStyle("heading", parent=body, **values)

    def subheading(self, body: ParagraphStyle, **overrides) -> ParagraphStyle:
        """Second-level heading (（一）): 楷体 at the body's size."""
        return ParagraphStyle(
            "subheading", parent=body, fontName=self.fonts.subheading, **overrides
        )

    def signature(self, body: ParagraphStyle, **overrides) -> ParagraphStyle:
        """The 落款 (issuer, date) of the plain layout, set flush right."""
        return ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, **overrides)

    def grid(self) -> list:
        """A ruled table: thin black grid, cells centred vertically (review sheet, report
        tables); plain-string cells (the empty ones) in the body font, not reportlab's
        unembedded Helvetica."""
        return [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]

    def closing(self, organ: str, date: str) -> list:
        """The 落款: in the official layout the organ and the date placed for the seal
        (`SignatureBlock`), in the plain one two lines flush right after a blank line."""
        body = self.body()
        if self.official:
            return [SignatureBlock(organ, date, body)]
        right = self.signature(body, spaceBefore=self.page.body_leading)
        lines = [line for line in (organ, date) if line]
        rest = [paragraph(line, self.signature(body)) for line in lines[1:]]
        return [paragraph(lines[0], right), *rest]

    def draw_page_number(self, canvas, document) -> None:
        """Official: "— n —" in 4号, 7 mm under the body, at the outer corner one character in
        (right on odd pages, left on even ones, for two-sided printing). Plain: "n" centred."""
        size = self.page.number_size
        canvas.saveState()
        canvas.setFont(self.fonts.body, size)
        if not self.official:
            y = document.bottomMargin / 2 - size / 2
            canvas.drawCentredString(A4[0] / 2, y, str(document.page))
        else:
            y = document.bottomMargin - 7 * mm - size
            text = f"— {document.page} —"
            if document.page % 2:
                canvas.drawRightString(A4[0] - document.rightMargin - size, y, text)
            else:
                canvas.drawString(document.leftMargin + size, y, text)
        canvas.restoreState()

    def build(self, flow: list, *, title: str, page_numbers: bool = False, **layout) -> bytes:
        """Lay `flow` out in this look's margins (`layout` may override some) and fonts."""
        margins = {**self.page.margins, **layout}
        return build(flow, title=title, page_numbers=page_numbers, look=self, **margins)


class SignatureBlock(Flowable):
    """The 落款 of a sealed official document (GB/T 9704-2012 7.3.5.1): two lines of blank
    space under the body for the upper half of the seal, then the issuing organ centred above
    the date, the date flush right four characters in from the right margin; the seal is
    stamped over both, their lines in its lower half (`seal`)."""

    def __init__(self, organ: str, date: str, style: ParagraphStyle):
        super().__init__()
        self.organ, self.date, self.style = organ, date, style
        self.gap = 2 * style.leading

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.gap + 2 * self.style.leading
        return self.width, self.height

    def _text_width(self, text: str) -> float:
        return stringWidth(text, self.style.fontName, self.style.fontSize)

    def centre_x(self) -> float:
        """The centre line of the date, of the organ above it and of the seal."""
        size = self.style.fontSize
        right = self.width - DATE_RIGHT_INDENT_CHARS * size
        centre = right - self._text_width(self.date or self.organ) / 2
        # An organ name too long for the room right of that line stays inside the margin.
        return min(centre, self.width - self._text_width(self.organ) / 2)

    @property
    def seal(self) -> tuple[float, float, float]:
        """The seal's centre (x, y in the block) and diameter: the organ and the date in its
        lower half, its top less than a line under the body's last line."""
        leading = self.style.leading
        return self.centre_x(), 2 * leading - leading / 4, SEAL_DIAMETER

    def draw(self):
        canvas = self.canv
        size, leading = self.style.fontSize, self.style.leading
        canvas.setFont(self.style.fontName, size)
        # Baselines where a paragraph of this style would set the two lines.
        organ_y = self.height - self.gap - leading + (leading - size) / 2
        canvas.drawCentredString(self.centre_x(), organ_y, self.organ)
        if self.date:
            right = self.width - DATE_RIGHT_INDENT_CHARS * size
            canvas.drawRightString(right, organ_y - leading, self.date)


DEFAULT = Look()


def register_cjk_font() -> str:
    """Debian's body text font, registered (the demo's files, which no office issues)."""
    return register_font(CJK_FONT)


def body_style(name: str = "body", **overrides) -> ParagraphStyle:
    """Body text of the official layout in Debian's fonts (`Look.body`)."""
    return DEFAULT.body(name, **overrides)


def title_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    return DEFAULT.title(body, **overrides)


def heading_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    return DEFAULT.heading(body, **overrides)


def subheading_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    return DEFAULT.subheading(body, **overrides)


def signature_style(body: ParagraphStyle, **overrides) -> ParagraphStyle:
    return DEFAULT.signature(body, **overrides)


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


def build(
    flow: list, *, title: str, page_numbers: bool = False, look: Look | None = None, **layout
) -> bytes:
    """Lay out `flow` on A4 and return the file, as PDF/A-2b (`pdfa.archival`): letters,
    review sheets and reports are archived. `layout` passes margins to reportlab; `look`
    gives the fonts and the page numbers (the official layout in Debian's fonts without)."""
    look = look or DEFAULT
    buffer = io.BytesIO()
    # The canvas's initial font would otherwise be Helvetica, referenced on every page and
    # never embedded.
    document = BaseDocTemplate(
        buffer, pagesize=A4, title=title, initialFontName=look.fonts.body, **layout
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
    furniture = {"onPage": look.draw_page_number} if page_numbers else {}
    document.addPageTemplates([PageTemplate(frames=[frame], **furniture)])
    document.build(flow)
    return archival(buffer.getvalue(), title=title)
