"""Letter statistics as an XLSX workbook: one sheet per grouping."""

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from xxgk.core.spreadsheets import append_header, append_row

STATISTICS_COLUMNS = {
    "received": _("收信"),
    "answered": _("已答复"),
    "open": _("办理中"),
    "closed": _("已关闭"),
    "published": _("已公开"),
    "overdue": _("逾期"),
    "median_days": _("办理用时中位数（工作日）"),
    "p90_days": _("办理用时90分位（工作日）"),
    "mean_days": _("平均办理用时（工作日）"),
}
# (grouping, sheet title, first column's header)
SHEETS = [
    ("mailbox", _("按信箱"), _("信箱")),
    ("category", _("按类别"), _("类别")),
    ("department", _("按承办部门"), _("承办部门")),
]


def statistics_workbook(stats: dict) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    period = _("%(start)s 至 %(end)s") % {
        "start": f"{stats['start']:%Y-%m-%d}",
        "end": f"{stats['end']:%Y-%m-%d}",
    }
    for key, title, first_column in SHEETS:
        sheet = workbook.create_sheet(str(title))
        append_row(sheet, [_("来信统计（%(period)s）") % {"period": period}])
        append_header(
            sheet, [str(first_column), *(str(label) for label in STATISTICS_COLUMNS.values())]
        )
        for name, row in [*stats[key], (str(_("合计")), stats["total"])]:
            append_row(sheet, [name, *(row[field] for field in STATISTICS_COLUMNS)])
        sheet.column_dimensions["A"].width = 28
    return workbook
