"""The audit log as CSV or XLSX for supervisors. Failed-login usernames and browser strings
come from anyone, so every cell goes through the shared formula-safe writer."""

import json

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from xxgk.core import spreadsheets

HEADER = [
    _("时间"),
    _("操作人"),
    _("操作"),
    _("对象类型"),
    _("对象编号"),
    _("对象"),
    _("IP 地址"),
    _("请求路径"),
    _("浏览器"),
    _("详情"),
]


def header() -> list[str]:
    """The column titles in the request's language (plain strings: openpyxl takes no lazy text)."""
    return [str(title) for title in HEADER]


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
    return spreadsheets.csv_lines(header(), rows(events))


def xlsx_bytes(events) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(_("审计日志")))
    spreadsheets.append_header(sheet, header())
    for row in rows(events):
        spreadsheets.append_row(sheet, row)
    return spreadsheets.workbook_bytes(workbook)
