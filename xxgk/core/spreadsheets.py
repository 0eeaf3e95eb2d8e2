"""Spreadsheet exports that a spreadsheet program cannot turn into formulas (CSV injection).

Excel, WPS and LibreOffice read a cell whose text starts with ``=``, ``+``, ``-`` or ``@``
as a formula, and skip a leading tab or carriage return before looking; names, titles,
letter subjects, user agents and findings come from the public or from staff, so an export
opened by the office could run what someone typed. Every export — ours and Wagtail's own
listing and report exports (``install``) — writes its cells through ``safe_cell``, which
puts an apostrophe in front of such text (the OWASP advice; the apostrophe survives a
round trip through CSV, unlike a cell style). Only text changes: numbers, dates and
booleans stay what they are, so a negative amount is still a number. Control characters
that XLSX cannot hold are dropped, so that a stray one in a letter never breaks an export.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def safe_cell(value):
    """The value as an export may write it: text that would start a formula is quoted."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def safe_row(values: Iterable) -> list:
    return [safe_cell(value) for value in values]


def append_row(sheet, values: Iterable) -> None:
    sheet.append(safe_row(values))


def append_header(sheet, titles: Iterable) -> None:
    """A bold header row; works on ordinary and write-only worksheets alike."""
    cells = []
    for title in safe_row(titles):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = BOLD
        cells.append(cell)
    sheet.append(cells)


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(workbook, filename: str) -> HttpResponse:
    """A download of a workbook (or of its saved bytes)."""
    data = workbook if isinstance(workbook, bytes) else workbook_bytes(workbook)
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """CSV lines one by one, for a streaming response (UTF-8 with BOM so that Excel reads
    the Chinese)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def install() -> None:
    """Quote formula text in Wagtail's own exports too (reports such as 站点历史, and any
    listing with ``list_export``): every cell passes through ``preprocess_field_value``."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(preprocess, "xxgk_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(preprocess(self, field, value, export_format))

    preprocess_field_value.xxgk_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
