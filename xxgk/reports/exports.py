"""The report as files: DOCX laid out as a Chinese official document (GB/T 9704 look: A4,
方正小标宋 title, 黑体/楷体 headings, 仿宋 三号 body, page numbers in the footer) and PDF
(reportlab with the STSong-Light CID font, which needs no font file)."""

import io

from django.conf import settings
from django.utils.html import escape
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .rendering import RenderedReport, RenderedTable

PDF_FONT = "STSong-Light"
# (East Asian font, size in points, bold) per paragraph kind; 三号 = 16 pt, 二号 = 22 pt.
DOCX_STYLES = {
    "title": ("方正小标宋简体", 22, False),
    "heading": ("黑体", 16, False),
    "subheading": ("楷体_GB2312", 16, False),
    "minor": ("仿宋_GB2312", 16, True),
    "body": ("仿宋_GB2312", 16, False),
    "caption": ("黑体", 14, False),
    "cell": ("仿宋_GB2312", 10.5, False),  # 五号
}


def _run_font(run, kind: str) -> None:
    name, size, bold = DOCX_STYLES[kind]
    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _add(document, text: str, kind: str, *, align=None, indent=True):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(28)
    paragraph.paragraph_format.space_after = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters
    if align is not None:
        paragraph.alignment = align
    _run_font(paragraph.add_run(text), kind)
    return paragraph


def _label_column_share(table: RenderedTable) -> float:
    """The first column takes a third of the width when it holds row labels, else its share."""
    columns = len(table.rows[0])
    last = table.rows[-1][0]
    return 1 / 3 if last is not None and not last.figure and columns > 2 else 1 / columns


def _docx_table(document, table: RenderedTable) -> None:
    _add(document, table.title, "caption", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = grid.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(grid.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            paragraph = target.paragraphs[0]
            if cell.figure or r < table.header_rows:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                paragraph.paragraph_format.left_indent = Pt(10.5 * cell.indent)
            _run_font(paragraph.add_run(cell.text), "cell")


def _page_number_footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(paragraph.add_run("— "), "body")
    run = paragraph.add_run()
    _run_font(run, "body")
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _run_font(paragraph.add_run(" —"), "body")


def report_docx(report: RenderedReport, *, signed_on=None) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number_footer(section)
    _add(document, report.title, "title", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    for part in report.sections:
        if part.heading != "前言":
            _add(document, part.heading, "heading")
        for paragraph in part.paragraphs:
            if paragraph.table is not None:
                _docx_table(document, paragraph.table)
            else:
                _add(document, paragraph.text, paragraph.kind)
    for line in _signature(signed_on):
        _add(document, line, "body", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _signature(signed_on) -> list[str]:
    lines = [settings.XXGK_SCHOOL_NAME]
    if signed_on:
        lines.append(f"{signed_on.year}年{signed_on.month}月{signed_on.day}日")
    return lines


def _page_number(canvas, document) -> None:
    canvas.saveState()
    canvas.setFont(PDF_FONT, 10)
    canvas.drawCentredString(A4[0] / 2, 15 * mm, f"— {document.page} —")
    canvas.restoreState()


PDF_WIDTH = A4[0] - 54 * mm  # between the margins below


def _pdf_table(table: RenderedTable, body: ParagraphStyle) -> list:
    cell_style = ParagraphStyle(
        "cell", parent=body, fontSize=8, leading=10, firstLineIndent=0, alignment=TA_CENTER
    )
    label_style = ParagraphStyle("label", parent=cell_style, alignment=0)
    data, spans = [], []
    for r, row in enumerate(table.rows):
        line = []
        for c, cell in enumerate(row):
            if cell is None:
                line.append("")
                continue
            label = not cell.figure and r >= table.header_rows
            style = (
                ParagraphStyle("indented", parent=label_style, leftIndent=8 * cell.indent)
                if label
                else cell_style
            )
            line.append(Paragraph(escape(cell.text), style))
            if cell.colspan > 1 or cell.rowspan > 1:
                spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        data.append(line)
    columns = len(table.rows[0])
    first = PDF_WIDTH * _label_column_share(table)
    widths = [first] + [(PDF_WIDTH - first) / (columns - 1)] * (columns - 1)
    grid = Table(data, colWidths=widths, repeatRows=table.header_rows)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *spans,
            ]
        )
    )
    caption = ParagraphStyle("caption", parent=cell_style, fontSize=11, leading=18)
    return [Paragraph(escape(table.title), caption), grid, Spacer(1, 4 * mm)]


def report_pdf(report: RenderedReport, *, signed_on=None) -> bytes:
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    body = ParagraphStyle(
        "body", fontName=PDF_FONT, fontSize=12, leading=22, wordWrap="CJK", firstLineIndent=24
    )
    styles = {
        "body": body,
        "minor": ParagraphStyle("minor", parent=body, fontSize=12),
        "subheading": ParagraphStyle("sub", parent=body, fontSize=13),
        "heading": ParagraphStyle("h", parent=body, fontSize=14, spaceBefore=8, spaceAfter=4),
    }
    title = ParagraphStyle(
        "title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER, firstLineIndent=0
    )
    right = ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    flow = [Paragraph(escape(report.title), title), Spacer(1, 6 * mm)]
    for part in report.sections:
        if part.heading != "前言":
            flow.append(Paragraph(escape(part.heading), styles["heading"]))
        for p in part.paragraphs:
            if p.table is not None:
                flow.extend(_pdf_table(p.table, body))
            else:
                flow.append(Paragraph(escape(p.text), styles[p.kind]))
    flow.append(Spacer(1, 10 * mm))
    flow.extend(Paragraph(escape(line), right) for line in _signature(signed_on))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=report.title,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=28 * mm,
    ).build(flow, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()
