"""DOCX with python-docx: CJK fonts, official-document styles and page, page numbers, Chinese
line breaking.

Word picks the font for Chinese characters from the East Asian slot (w:eastAsia), not from
the font name python-docx sets, so every helper that names a font sets both. Word breaks the
lines itself when it lays a document out; it keeps the Chinese rules (禁则) when the text is
marked Simplified Chinese and kinsoku is on, which python-docx's blank document does not say
(its East Asian language is en-US), so every document made here says it (`chinese_line_breaking`).
"""

import io
import weakref

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import NO_LINE_END, NO_LINE_START

# The Word paragraph styles of an official document (GB/T 9704 look), by kind: style name,
# East Asian font, size in points (二号 = 22, 三号 = 16, 四号 = 14, 五号 = 10.5), bold, and
# the outline level of headings (Word's navigation pane and table of contents read it).
# Paragraphs carry the style and no direct formatting, so an office that prefers another
# font or spacing edits one style in Word, not every paragraph. The names are the styles'
# identities in Word (an office's macros and templates refer to them), not interface text.
OFFICIAL_STYLES = {
    "title": ("公文标题", "方正小标宋简体", 22, False, None),
    "heading": ("一级标题", "黑体", 16, False, 0),
    "subheading": ("二级标题", "楷体_GB2312", 16, False, 1),
    "minor": ("三级标题", "仿宋_GB2312", 16, True, 2),
    "body": ("公文正文", "仿宋_GB2312", 16, False, None),
    "addressee": ("主送机关", "仿宋_GB2312", 16, False, None),
    "organ": ("发文机关署名", "仿宋_GB2312", 16, False, None),
    "date": ("成文日期", "仿宋_GB2312", 16, False, None),
    "caption": ("表题", "黑体", 14, False, None),
    "cell": ("表格文字", "仿宋_GB2312", 10.5, False, None),
    "page_number": ("页码", "宋体", 14, False, None),
}
# The plain layout's styles (小二 title, 四号 headings, 小四 宋体 body), the same kinds.
PLAIN_STYLES = {
    "title": ("文档标题", "黑体", 18, False, None),
    "heading": ("一级标题", "黑体", 14, False, 0),
    "subheading": ("二级标题", "楷体", 12, True, 1),
    "minor": ("三级标题", "宋体", 12, True, 2),
    "body": ("正文段落", "宋体", 12, False, None),
    "addressee": ("称呼", "宋体", 12, False, None),
    "organ": ("署名", "宋体", 12, False, None),
    "date": ("日期", "宋体", 12, False, None),
    "caption": ("表题", "黑体", 10.5, False, None),
    "cell": ("表格文字", "宋体", 10.5, False, None),
    "page_number": ("页码", "宋体", 10.5, False, None),
}
# About 22 lines of 28 characters on the type area (GB/T 9704 7.1): fixed 28 pt lines,
# first lines indented by two characters. The plain layout: 20 pt lines.
LINE_SPACING = Pt(28)
PLAIN_LINE_SPACING = Pt(20)
INDENTED = {"heading", "subheading", "minor", "body"}
CENTRED = {"title", "caption"}
RIGHT = {"organ", "date"}
# GB/T 9704-2012 7.3.5.1: the date four characters in from the right margin, the organ
# centred above it, two blank lines above them for the upper half of the seal.
DATE_RIGHT_INDENT_CHARS = 4
SEAL_LINES = 2


LANGUAGE = "zh-CN"
# The children of w:pPr after w:kinsoku and of w:settings after w:noLineBreaksBefore, in the
# schema's order (ECMA-376 CT_PPrBase, CT_Settings): Word refuses a part whose children are
# out of order, so new ones go before the first of these present (sl:schemaLibrary, between
# w:smartTagType and w:shapeDefaults, is left out: python-docx has no prefix for it).
PPR_AFTER_KINSOKU = [
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
SETTINGS_AFTER_LINE_BREAKS = [
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
]


def _child(parent, tag: str, successors=()):
    """`parent`'s `tag` child, added before the first of `successors` when missing."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.insert_element_before(element, *successors)
    return element


def chinese_line_breaking(document) -> None:
    """Every run Simplified Chinese (the East Asian language of the document defaults), kinsoku
    and hanging punctuation on for every paragraph, and the characters that may not start or
    end a line named for zh-CN, so Word breaks the lines by the same rules as the PDFs."""
    defaults = _child(document.styles.element, "w:docDefaults")
    run = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _child(run, "w:lang").set(qn("w:eastAsia"), LANGUAGE)
    paragraph = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    _child(paragraph, "w:kinsoku", PPR_AFTER_KINSOKU).set(qn("w:val"), "1")
    _child(paragraph, "w:overflowPunct", PPR_AFTER_KINSOKU[2:]).set(qn("w:val"), "1")
    settings = document.settings.element
    for tag, characters in (
        ("w:noLineBreaksAfter", NO_LINE_END),
        ("w:noLineBreaksBefore", NO_LINE_START),
    ):
        successors = SETTINGS_AFTER_LINE_BREAKS
        if tag == "w:noLineBreaksAfter":
            successors = ["w:noLineBreaksBefore", *successors]
        element = _child(settings, tag, successors)
        element.set(qn("w:lang"), LANGUAGE)
        element.set(qn("w:val"), characters)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:eastAsia"), LANGUAGE)


def new_document(font: str, east_asian_font: str, size: float | None = None):
    """A blank document whose Normal style uses `font`, and `east_asian_font` for Chinese."""
    document = Document()
    chinese_line_breaking(document)
    style = document.styles["Normal"]
    style.font.name = font
    if size is not None:
        style.font.size = Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), east_asian_font)
    return document


def add_official_styles(document, styles=None, line_spacing=None) -> None:
    """Define the paragraph styles of OFFICIAL_STYLES (or `styles`, e.g. PLAIN_STYLES) in
    `document`: fonts, sizes, spacing, indents and alignment live in the styles."""
    styles = styles or OFFICIAL_STYLES
    line_spacing = line_spacing or LINE_SPACING
    for kind, (name, font, size, bold, outline_level) in styles.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        style.font.name = font
        style.font.size = Pt(size)
        style.font.bold = bold
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        layout = style.paragraph_format
        layout.space_before = layout.space_after = Pt(0)
        if kind not in ("cell", "page_number"):
            layout.line_spacing = line_spacing
        if kind in INDENTED:
            layout.first_line_indent = Pt(2 * size)
        if kind in CENTRED:
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if kind == "title":
            layout.space_after = line_spacing  # a blank line under the title
        if kind in RIGHT:
            layout.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if kind == "organ":
            # Room above the signature (for the seal's upper half in the official layout);
            # kept on the page of the date under it.
            lines = SEAL_LINES if styles is OFFICIAL_STYLES else 1
            layout.space_before = Pt(lines * line_spacing.pt)
            layout.keep_with_next = True
        if kind == "date" and styles is OFFICIAL_STYLES:
            layout.right_indent = Pt(DATE_RIGHT_INDENT_CHARS * size)
        if outline_level is not None:
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(outline_level))
            style.element.get_or_add_pPr().append(level)


# Looking a style up by name walks every style of the document (python-docx), which cost
# a third of a report's DOCX export when asked for each paragraph; asked once per document.
_STYLE_SETS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _style_set(part) -> dict:
    """The style set a document was made with (`styled_document`): its body style's name
    tells them apart."""
    main = part.package.main_document_part
    if main not in _STYLE_SETS:
        plain = PLAIN_STYLES["body"][0] in main.styles
        _STYLE_SETS[main] = PLAIN_STYLES if plain else OFFICIAL_STYLES
    return _STYLE_SETS[main]


def official_paragraph(paragraph, text: str, kind: str, *, align=None):
    """Fill `paragraph` (of a document made by `official_document` or `styled_document`) in
    the style of `kind`."""
    paragraph.style = _style_set(paragraph.part)[kind][0]
    if align is not None:
        paragraph.alignment = align
    paragraph.add_run(text)
    return paragraph


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


def official_page(section, margins=(37, 35, 28, 26)) -> None:
    """A4 with the GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm), or others."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _page_number(paragraph, align) -> None:
    """ "— n —" with Word's PAGE field, so Word numbers the pages as it lays them out."""
    paragraph.style = _style_set(paragraph.part)["page_number"][0]
    paragraph.alignment = align
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    paragraph.add_run(" —")


def page_number_footers(document, section) -> None:
    """Page numbers at the outer bottom corner (GB/T 9704 7.5): right on odd pages, left on
    even ones."""
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def official_document():
    """A blank official document: A4, GB/T 9704 margins, its Word styles, page numbers."""
    return styled_document(plain=False)


def styled_document(*, plain: bool = False, page_numbers: bool = True):
    """A blank document in the official layout (GB/T 9704 page and OFFICIAL_STYLES, page
    numbers at the outer corner) or the plain one (25 mm margins, PLAIN_STYLES, page numbers
    centred): the school's choice, `house.HouseStyle.plain`."""
    document = Document()
    chinese_line_breaking(document)
    section = document.sections[0]
    if plain:
        add_official_styles(document, PLAIN_STYLES, PLAIN_LINE_SPACING)
        official_page(section, margins=(25, 25, 25, 25))
        if page_numbers:
            _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER)
    else:
        add_official_styles(document)
        official_page(section)
        if page_numbers:
            page_number_footers(document, section)
    return document


def _text_width(text: str, size: float) -> float:
    """Width in points of `text` set in a CJK font: full-width characters take one em, ASCII
    (the date's digits) half of one."""
    return sum(size / 2 if character.isascii() else size for character in text) if text else 0


def add_closing(document, organ: str, date: str) -> None:
    """The 落款 under the body: the organ and the date in their styles (发文机关署名, 成文日期).
    In the official layout the date sits four characters in from the right margin and the
    organ is centred above it (GB/T 9704-2012 7.3.5.1), which depends on the two texts'
    lengths: the organ's style gets that indent in this document, so the paragraphs still
    carry no direct formatting."""
    styles = _style_set(document.part)
    if styles is OFFICIAL_STYLES and date:
        size = styles["organ"][2]
        centre = DATE_RIGHT_INDENT_CHARS * size + _text_width(date, size) / 2
        indent = max(0, centre - _text_width(organ, size) / 2)
        document.styles[styles["organ"][0]].paragraph_format.right_indent = Pt(indent)
    official_paragraph(document.add_paragraph(), organ, "organ")
    if date:
        official_paragraph(document.add_paragraph(), date, "date")


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
