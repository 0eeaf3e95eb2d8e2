"""XLSX exports of the compliance matrix and the overdue list."""

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from xxgk.core.spreadsheets import append_header, append_row, workbook_bytes

from .obligations import Status

FILLS = {
    Status.NEVER: "7F1D1D",
    Status.OVERDUE: "DC2626",
    Status.STALE: "EA580C",
    Status.LATE: "F59E0B",
    Status.DUE_SOON: "FDE047",
    Status.PENDING: "E5E7EB",
    Status.ON_TIME: "16A34A",
}


def _sheet(workbook, title, header):
    sheet = workbook.create_sheet(title)
    append_header(sheet, header)
    sheet.freeze_panes = "B2"
    return sheet


def matrix_workbook(result, matrix) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    header = [_("部门")] + [f"{c.number}. {c.title}" for c in result.categories] + [_("总体")]
    sheet = _sheet(workbook, _("合规矩阵"), header)
    for row in matrix:
        append_row(
            sheet,
            [row["department"].name]
            + [cell["summary"] for cell in row["cells"]]
            + [str(Status(row["worst"]).label) if row["worst"] else _("无要求")],
        )
        for cell, data in zip(sheet[sheet.max_row][1:], row["cells"], strict=False):
            if data["status"]:
                cell.fill = PatternFill("solid", fgColor=FILLS[data["status"]])
    _obligation_sheet(workbook, _("全部义务"), result.obligations)
    sheet = workbook.create_sheet(_("说明"))
    append_row(sheet, [_("统计期间"), result.period.label])
    append_row(sheet, [_("计算日期"), result.today.isoformat()])
    return workbook_bytes(workbook)


def overdue_workbook(result, rectifications) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _obligation_sheet(workbook, _("逾期与陈旧"), result.failing())
    sheet = _sheet(
        workbook, _("逾期未整改"), [_("部门"), _("检查日期"), _("发现的问题"), _("整改期限")]
    )
    for inspection in rectifications:
        append_row(
            sheet,
            [
                inspection.department.name,
                inspection.inspected_on,
                inspection.findings,
                inspection.rectification_deadline,
            ],
        )
    return workbook_bytes(workbook)


def _obligation_sheet(workbook, title, obligations):
    sheet = _sheet(
        workbook,
        title,
        [
            _("部门"),
            _("事项编号"),
            _("清单事项"),
            _("义务"),
            _("信息形成日期"),
            _("公开期限"),
            _("状态"),
            _("起始日期"),
            _("公开日期"),
        ],
    )
    for o in obligations:
        append_row(
            sheet,
            [
                o.department.name,
                o.item.item_number,
                o.item.title,
                o.label,
                o.formed_on,
                o.deadline,
                o.status_label,
                o.since,
                o.satisfied_on,
            ],
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.is_date:
                cell.number_format = "yyyy-mm-dd"
