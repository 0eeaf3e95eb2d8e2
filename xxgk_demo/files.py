"""Real attachment files for the demo disclosures, made at load time: PDF (reportlab, with a
text layer), DOCX (python-docx) and XLSX (openpyxl) carrying the disclosure's own text and
tables, so that text extraction, search and the personal-data scan have something to read;
one image-only PDF (a scanned sign-in list with no text layer, which the scan reports as
未能扫描); and one list whose text holds a made-up, checksum-valid ID number (the scan must
flag it and the review keep it off the portal).
"""

import io
import random
import re
from html import unescape

from django.core.files.base import ContentFile
from docx import Document as WordDocument
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model

from xxgk.core.documents.pdf import register_cjk_font
from xxgk.requests.validators import resident_id_check_char

_TABLE = re.compile(r"<table>.*?</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd]>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<[^>]+>")
LINE_CHARS = 36  # CJK characters per line of an A4 page at 11 pt
LINES_PER_PAGE = 34


def parts(blocks: list[str]) -> list[tuple[str, object]]:
    """HTML blocks as ("text", str) and ("table", rows) in order."""
    found = []
    for block in blocks:
        if _TABLE.fullmatch(block):
            rows = [
                [unescape(_TAG.sub("", cell)) for cell in _CELL.findall(row)]
                for row in _ROW.findall(block)
            ]
            found.append(("table", rows))
        else:
            text = unescape(_TAG.sub("", block)).strip()
            if text:
                found.append(("text", text))
    return found


def _wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def pdf_bytes(title: str, blocks: list[str]) -> bytes:
    """A text PDF (real text layer, embedded CJK font), as many A4 pages as it takes."""
    font = register_cjk_font()
    lines: list[str] = []
    for kind, value in parts(blocks):
        if kind == "table":
            lines += [line for row in value for line in _wrap("　".join(row))]
        else:
            lines += _wrap("　　" + value)
        lines.append("")
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle(title)
    width, height = A4
    for start in range(0, len(lines), LINES_PER_PAGE):
        sheet.setFont(font, 16)
        if start == 0:
            sheet.drawCentredString(width / 2, height - 72, title)
        sheet.setFont(font, 11)
        y = height - 110
        for line in lines[start : start + LINES_PER_PAGE]:
            sheet.drawString(64, y, line)
            y -= 19
        sheet.drawCentredString(width / 2, 40, f"— {start // LINES_PER_PAGE + 1} —")
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def docx_bytes(title: str, blocks: list[str]) -> bytes:
    document = WordDocument()
    document.add_heading(title, level=1)
    for kind, value in parts(blocks):
        if kind == "table":
            table = document.add_table(rows=len(value), cols=max(len(r) for r in value))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(title: str, blocks: list[str], *, extra_rows=()) -> bytes:
    """The disclosure's tables, one sheet each (or its paragraphs when it has none)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append([title])
    tables = [value for kind, value in parts(blocks) if kind == "table"]
    if not tables:
        for _kind, value in parts(blocks):
            sheet.append([value])
    for n, rows in enumerate(tables):
        if n:
            sheet = workbook.create_sheet(f"表{n + 1}")
        for row in rows:
            sheet.append([int(cell) if cell.isdigit() and len(cell) < 9 else cell for cell in row])
    for row in extra_rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def scanned_pdf_bytes(title: str, rows: int = 18) -> bytes:
    """An image-only PDF: a badly copied sign-in sheet (ruled grid, entries faded to grey
    smudges, slightly skewed). No text layer, and nothing OCR can read as text."""
    rng = random.Random(title)
    width, height = 1240, 1754  # A4 at 150 dpi
    image = Image.new("L", (width, height), 236)
    draw = ImageDraw.Draw(image)
    left, right, top = 110, width - 110, 260
    row_height = (height - top - 200) // rows
    columns = [left, left + 120, left + 420, left + 760, right]
    # The copier left no ruling and no letter edges: each row's entries are soft grey smears.
    for r in range(rows):
        y = top + r * row_height + row_height // 2
        for c in range(1, len(columns) - 1):
            x = columns[c] + rng.randrange(20, 40)
            length = rng.randrange(60, columns[c + 1] - columns[c] - 40)
            draw.rounded_rectangle(
                [x, y - 10, x + length, y + 10], radius=10, fill=rng.randrange(200, 215)
            )
    image = image.filter(ImageFilter.GaussianBlur(8))
    png = io.BytesIO()
    image.save(png, format="PNG")
    png.seek(0)
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle(title)
    sheet.drawImage(ImageReader(png), 0, 0, *A4)
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def fake_resident_id(first17: str = "33080220030512347") -> str:
    """A made-up ID number with a valid check character (the scan checks it)."""
    return first17 + resident_id_check_char(first17)


BUILDERS = {"pdf": pdf_bytes, "docx": docx_bytes, "xlsx": xlsx_bytes}


def save_document(title: str, filename: str, content: bytes, *, collection=None):
    Document = get_document_model()
    document = Document(title=title)
    if collection is not None:
        document.collection = collection
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document
