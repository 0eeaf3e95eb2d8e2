"""DOCX with python-docx: CJK fonts, official-document styles and page, page numbers, Chinese
line breaking.

Word picks the font for Chinese characters from the East Asian slot (w:eastAsia), not from
the font name python-docx sets, so every helper that names a font sets both. Word breaks the
lines itself when it lays a document out; it keeps the Chinese rules (禁则) when the text is
marked Simplified Chinese and kinsoku is on, which python-docx's blank document does not say
(its East Asian language is en-US), so every document made here says it (`chinese_line_breaking`).
"""

import io

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
# font or spacing edits one style in Word, not every paragraph.
OFFICIAL_STYLES = {
    "title": ("公文标题", "方正小标宋简体", 22, False, None),
    "heading": ("一级标题", "黑体", 16, False, 0),
    "subheading": ("二级标题", "楷体_GB2312", 16, False, 1),
    "minor": ("三级标题", "仿宋_GB2312", 16, True, 2),
    "body": ("公文正文", "仿宋_GB2312", 16, False, None),
    "caption": ("表题", "黑体", 14, False, None),
    "cell": ("表格文字", "仿宋_GB2312", 10.5, False, None),
    "page_number": ("页码", "宋体", 14, False, None),
}
# About 22 lines of 28 characters on the type area (GB/T 9704 7.1): fixed 28 pt lines,
# first lines indented by two characters.
LINE_SPACING = Pt(28)
INDENTED = {"heading", "subheading", "minor", "body"}
CENTRED = {"title", "caption"}


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


def add_official_styles(document) -> None:
    """Define the paragraph styles of OFFICIAL_STYLES in `document`."""
    for kind, (name, font, size, bold, outline_level) in OFFICIAL_STYLES.items():
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
            layout.line_spacing = LINE_SPACING
        if kind in INDENTED:
            layout.first_line_indent = Pt(2 * size)
        if kind in CENTRED:
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if outline_level is not None:
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(outline_level))
            style.element.get_or_add_pPr().append(level)


def official_paragraph(paragraph, text: str, kind: str, *, align=None):
    """Fill `paragraph` (of a document made by `official_document`) in the style of `kind`."""
    paragraph.style = OFFICIAL_STYLES[kind][0]
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


def official_page(section) -> None:
    """A4 with the GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm)."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _page_number(paragraph, align) -> None:
    """ "— n —" with Word's PAGE field, so Word numbers the pages as it lays them out."""
    paragraph.style = OFFICIAL_STYLES["page_number"][0]
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
    document = Document()
    chinese_line_breaking(document)
    add_official_styles(document)
    section = document.sections[0]
    official_page(section)
    page_number_footers(document, section)
    return document


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
