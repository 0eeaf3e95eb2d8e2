"""Reading an import manifest (CSV or XLSX) into rows keyed by their spreadsheet row number."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from xxgk.core.decoding import decode_csv
from xxgk.core.textextract import validate_package

# Accepted header spellings → field name. Chinese headers are what offices will type.
COLUMNS = {
    "title": ("title", "标题"),
    "date": ("date", "发布日期", "日期"),
    "department": ("department", "部门", "发布部门", "部门代码"),
    "item": ("item", "事项", "事项编号", "清单事项"),
    "body": ("body", "正文"),
    "body_file": ("body_file", "正文文件", "html", "html_file"),
    "attachments": ("attachments", "附件"),
    "source_url": ("source_url", "原始地址", "原网址", "url"),
    "summary": ("summary", "摘要"),
    "formed_on": ("formed_on", "形成日期", "信息形成日期"),
}
REQUIRED = ("title", "date", "department", "item", "source_url")
LABELS = {
    "title": pgettext_lazy("import column", "标题"),
    "date": pgettext_lazy("import column", "发布日期"),
    "department": pgettext_lazy("import column", "部门"),
    "item": pgettext_lazy("import column", "事项编号"),
    "source_url": pgettext_lazy("import column", "原始地址"),
}
_ALIASES = {alias.lower(): name for name, aliases in COLUMNS.items() for alias in aliases}
MAX_ROWS = 20000


@dataclass
class ManifestRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict = field(default_factory=dict)

    def get(self, name: str) -> str:
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()


def _header_map(header) -> dict[int, str]:
    mapping = {}
    for index, cell in enumerate(header):
        name = _ALIASES.get(str(cell or "").strip().lower())
        if name:
            mapping[index] = name
    missing = [LABELS[name] for name in REQUIRED if name not in mapping.values()]
    if missing:
        raise ValidationError(
            _("清单表头缺少必需的列：%(columns)s。") % {"columns": "、".join(map(str, missing))}
        )
    if "body" not in mapping.values() and "body_file" not in mapping.values():
        raise ValidationError(_("清单表头须有“正文”或“正文文件”列。"))
    return mapping


def _rows(table) -> list[ManifestRow]:
    iterator = iter(table)
    header = next(iterator, None)
    if header is None:
        raise ValidationError(_("清单文件是空的。"))
    mapping = _header_map(header)
    rows = []
    for number, cells in enumerate(iterator, start=2):
        values = {name: cells[i] for i, name in mapping.items() if i < len(cells)}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append(ManifestRow(number=number, values=values))
        if len(rows) > MAX_ROWS:
            raise ValidationError(_("清单超过 %(max)s 行，请拆分后分批导入。") % {"max": MAX_ROWS})
    return rows


def read_manifest(name: str, data: bytes) -> list[ManifestRow]:
    """Parse a .csv or .xlsx manifest; a file that cannot be read raises ValidationError."""
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return _rows(csv.reader(io.StringIO(decode_csv(data))))
    if suffix == ".xlsx":
        import openpyxl

        validate_package(data, name)
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValidationError(
                _("无法读取 XLSX 清单：%(error)s。") % {"error": exc.__class__.__name__}
            ) from None
        try:
            return _rows(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
    raise ValidationError(_("清单须为 .csv 或 .xlsx 文件。"))
