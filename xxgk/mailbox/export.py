"""Letter statistics as an XLSX workbook: one sheet per grouping."""

from openpyxl import Workbook

from xxgk.core.spreadsheets import append_header, append_row

COLUMNS = [
    ("received", "收信"),
    ("answered", "已答复"),
    ("open", "办理中"),
    ("closed", "已关闭"),
    ("published", "已公开"),
    ("overdue", "逾期"),
    ("median_days", "办理用时中位数（工作日）"),
    ("p90_days", "办理用时90分位（工作日）"),
    ("mean_days", "平均办理用时（工作日）"),
]
SHEETS = [("mailbox", "按信箱"), ("category", "按类别"), ("department", "按承办部门")]


def statistics_workbook(stats: dict) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    period = f"{stats['start']:%Y-%m-%d} 至 {stats['end']:%Y-%m-%d}"
    for key, title in SHEETS:
        sheet = workbook.create_sheet(title)
        append_row(sheet, [f"来信统计（{period}）"])
        append_header(sheet, [title[1:], *(label for _, label in COLUMNS)])
        for name, row in [*stats[key], ("合计", stats["total"])]:
            append_row(sheet, [name, *(row[field] for field, _ in COLUMNS)])
        sheet.column_dimensions["A"].width = 28
    return workbook
