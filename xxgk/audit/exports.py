"""The audit log as CSV or XLSX for supervisors. Failed-login usernames and browser strings
come from anyone, so every cell goes through the shared formula-safe writer."""

import json

from django.utils import timezone
from openpyxl import Workbook

from xxgk.core import spreadsheets

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


def rows(events):
    for event in events.iterator(chunk_size=2000):
        content_type = event.target_content_type
        yield [
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
        ]


def csv_lines(events):
    return spreadsheets.csv_lines(HEADER, rows(events))


def xlsx_bytes(events) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("审计日志")
    spreadsheets.append_header(sheet, HEADER)
    for row in rows(events):
        spreadsheets.append_row(sheet, row)
    return spreadsheets.workbook_bytes(workbook)
