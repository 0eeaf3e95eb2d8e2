"""The report as files: DOCX and PDF laid out as a Chinese official document (GB/T 9704 look:
A4, 方正小标宋 title, 黑体/楷体 headings, 仿宋 三号 body, page numbers in the footer) or in
the plain layout, as the school chose (设置 → 公文版式与字体). Fonts, styles and page
furniture come from the document toolkit, xxgk.core.documents."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from xxgk.core.documents import docx, pdf, signature_lines
from xxgk.core.documents.house import house_style

from .rendering import RenderedReport, RenderedTable, in_report_language


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
    # python-docx works out the whole grid for every cell it is asked for: the cells are
    # taken once, row by row, filled, and merged last (each merge's cells are its own).
    cells = [grid.rows[r].cells for r in range(len(table.rows))]
    merges = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            paragraph = docx.official_paragraph(cells[r][c].paragraphs[0], cell.text, "cell")
            if cell.figure or r < table.header_rows:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                paragraph.paragraph_format.left_indent = Pt(10.5 * cell.indent)
            if cell.colspan > 1 or cell.rowspan > 1:
                merges.append((cells[r][c], cells[r + cell.rowspan - 1][c + cell.colspan - 1]))
    for first, last in merges:
        first.merge(last)


@in_report_language
def report_docx(report: RenderedReport, *, signed_on=None) -> bytes:
    document = docx.styled_document(plain=house_style().plain)
    _add(document, report.title, "title")
    for part in report.sections:
        if part.heading != "前言":
            _add(document, part.heading, "heading")
        for paragraph in part.paragraphs:
            if paragraph.table is not None:
                _docx_table(document, paragraph.table)
            else:
                _add(document, paragraph.text, paragraph.kind)
    organ, *date = signature_lines(signed_on)
    docx.add_closing(document, organ, date[0] if date else "")
    return docx.to_bytes(document)


def _pdf_table(table: RenderedTable, body: ParagraphStyle, look: pdf.Look) -> list:
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
    margins = look.page.margins
    width = A4[0] - margins["leftMargin"] - margins["rightMargin"]
    first = width * _label_column_share(table)
    widths = [first] + [(width - first) / (columns - 1)] * (columns - 1)
    grid = Table(data, colWidths=widths, repeatRows=table.header_rows)
    grid.setStyle(
        TableStyle(
            [
                *look.grid(),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                *spans,
            ]
        )
    )
    caption = ParagraphStyle("caption", parent=cell_style, fontSize=11, leading=18)
    return [pdf.paragraph(table.title, caption), grid, Spacer(1, 4 * mm)]


@in_report_language
def report_pdf(report: RenderedReport, *, signed_on=None) -> bytes:
    look = pdf.Look.of(house_style())
    body = look.body(firstLineIndent=2 * look.page.body_size)
    styles = {
        "body": body,
        "minor": body,
        "subheading": look.subheading(body),
        "heading": look.heading(body),
    }
    title = look.title(body, firstLineIndent=0)
    flow = [pdf.paragraph(report.title, title), Spacer(1, 6 * mm)]
    for part in report.sections:
        if part.heading != "前言":
            flow.append(pdf.paragraph(part.heading, styles["heading"]))
        for p in part.paragraphs:
            if p.table is not None:
                flow.extend(_pdf_table(p.table, body, look))
            else:
                flow.append(pdf.paragraph(p.text, styles[p.kind]))
    organ, *date = signature_lines(signed_on)
    # The closing keeps the last paragraph with it: never a page with only the signature.
    flow.append(KeepTogether([flow.pop(), *look.closing(organ, date[0] if date else "")]))
    return look.build(flow, title=report.title, page_numbers=True)
