"""The report as files: DOCX laid out as a Chinese official document (GB/T 9704 look: A4,
方正小标宋 title, 黑体/楷体 headings, 仿宋 三号 body, page numbers in the footer) and PDF.
Fonts, styles and page furniture come from the document toolkit, xxgk.core.documents."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from xxgk.core.documents import docx, pdf, signature_lines

from .rendering import RenderedReport, RenderedTable


def _add(document, text: str, kind: str, *, align=None):
    return docx.official_paragraph(document.add_paragraph(), text, kind, align=align)


def _label_column_share(table: RenderedTable) -> float:
    """The first column takes a third of the width when it holds row labels, else its share."""
    columns = len(table.rows[0])
    last = table.rows[-1][0]
    return 1 / 3 if last is not None and not last.figure and columns > 2 else 1 / columns


def _docx_table(document, table: RenderedTable) -> None:
    _add(document, table.title, "caption")
    grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = grid.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(grid.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            paragraph = docx.official_paragraph(target.paragraphs[0], cell.text, "cell")
            if cell.figure or r < table.header_rows:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                paragraph.paragraph_format.left_indent = Pt(10.5 * cell.indent)


def report_docx(report: RenderedReport, *, signed_on=None) -> bytes:
    document = docx.official_document()
    _add(document, report.title, "title")
    for part in report.sections:
        if part.heading != "前言":
            _add(document, part.heading, "heading")
        for paragraph in part.paragraphs:
            if paragraph.table is not None:
                _docx_table(document, paragraph.table)
            else:
                _add(document, paragraph.text, paragraph.kind)
    for line in signature_lines(signed_on):
        paragraph = _add(document, line, "body", align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.first_line_indent = Pt(0)
    return docx.to_bytes(document)


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
            line.append(pdf.paragraph(cell.text, style))
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
                *pdf.GRID,
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *spans,
            ]
        )
    )
    caption = ParagraphStyle("caption", parent=cell_style, fontSize=11, leading=18)
    return [pdf.paragraph(table.title, caption), grid, Spacer(1, 4 * mm)]


def report_pdf(report: RenderedReport, *, signed_on=None) -> bytes:
    body = pdf.body_style(firstLineIndent=2 * pdf.BODY_SIZE)
    styles = {
        "body": body,
        "minor": body,
        "subheading": pdf.subheading_style(body),
        "heading": pdf.heading_style(body),
    }
    title = pdf.title_style(body, firstLineIndent=0)
    right = pdf.signature_style(body, firstLineIndent=0)
    flow = [pdf.paragraph(report.title, title), Spacer(1, 6 * mm)]
    for part in report.sections:
        if part.heading != "前言":
            flow.append(pdf.paragraph(part.heading, styles["heading"]))
        for p in part.paragraphs:
            if p.table is not None:
                flow.extend(_pdf_table(p.table, body))
            else:
                flow.append(pdf.paragraph(p.text, styles[p.kind]))
    flow.append(Spacer(1, 10 * mm))
    flow.extend(pdf.paragraph(line, right) for line in signature_lines(signed_on))
    return pdf.build(
        flow,
        title=report.title,
        page_numbers=True,
        **pdf.OFFICIAL_MARGINS,
    )
