"""The audit log as CSV or XLSX for supervisors."""

import csv
import json
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

HEADER = [
    "时间",
    "操作人",
    "操作",
    "对象类型",
    "对象编号",
    "对象",
    "IP 地址",
    "请求路径",
    "浏览器",
    "详情",
]
# A cell starting with one of these is a formula to a spreadsheet; failed-login usernames and
# browser strings come from anyone, so such values are quoted.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def rows(events):
    for event in events.iterator(chunk_size=2000):
        content_type = event.target_content_type
        yield [
            _neutral(value)
            for value in (
                timezone.localtime(event.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                event.actor_repr,
                event.action,
                f"{content_type.app_label}.{content_type.model}" if content_type else "",
                event.target_pk,
                event.target_repr,
                event.ip_address or "",
                event.path,
                event.user_agent,
                json.dumps(event.detail, ensure_ascii=False) if event.detail else "",
            )
        ]


class _Echo:
    def write(self, value):
        return value


def csv_lines(events):
    """CSV lines one by one (UTF-8 with BOM so that Excel reads the Chinese)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    for row in rows(events):
        yield writer.writerow(row)


def xlsx_bytes(events) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("审计日志")
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows(events):
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
