"""CSV/XLSX import of the records the report counts, with a dry run.

One spec per record type: its columns (Chinese or English headers), how each cell is parsed,
and the natural key that makes a re-import update rather than duplicate. A file with any bad
row imports nothing; the dry run lists, row by row, what would be created or updated.
"""

import csv
import datetime
import io
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from xxgk.core.decoding import decode_csv, parse_date
from xxgk.core.textextract import validate_package

from .models import (
    AdmissionLevel,
    AdmissionResult,
    CadreAction,
    CadreChange,
    CadreLevel,
    Channel,
    ChannelMonth,
    FeeSchedule,
    OutreachEvent,
    OutreachKind,
    OutreachMember,
    ProbationAssessment,
    ProcurementKind,
    ProcurementNotice,
)

MAX_ROWS = 50000
MONTH_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


class RowError(ValueError):
    """A cell that cannot be read; the message is shown to the office as is."""


# --- Cell parsers ------------------------------------------------------------------------------


def _text(max_length: int):
    def parse(value: str) -> str:
        if len(value) > max_length:
            raise RowError(f"不能超过{max_length}个字符")
        return value

    return parse


def _int(value: str) -> int:
    cleaned = value.replace(",", "").replace("，", "")
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isdigit():
        raise RowError(f"“{value}”不是非负整数")
    return int(cleaned)


def _date(value: str) -> datetime.date:
    try:
        return parse_date(value)
    except ValueError:
        raise RowError(f"“{value}”不是有效日期（如 2022-05-20）") from None


def _month(value: str) -> datetime.date:
    """A month ("2021-09", "2021年9月") or any day in it (daily platform exports)."""
    match = MONTH_RE.match(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise RowError(f"“{value}”不是有效月份")
        return datetime.date(year, month, 1)
    return _date(value).replace(day=1)


def _choice(choices):
    """A choice by its value, its Chinese label (the office's spreadsheets) or its label in the
    user's language."""
    by_value = {value: value for value in choices.values}

    def parse(value: str) -> str:
        with translation.override("zh-hans"):
            chinese = {str(label): value for value, label in choices.choices}
        by_label = {**chinese, **{str(label): value for value, label in choices.choices}}
        found = by_label.get(value) or by_value.get(value)
        if found is None:
            raise RowError(f"“{value}”不是可选值（{'、'.join(chinese)}）")
        return found

    return parse


def _channel(value: str) -> Channel:
    channel = Channel.objects.filter(name=value).first()
    if channel is None:
        raise RowError(f"没有名为“{value}”的发布渠道，请先在“发布渠道”中添加")
    return channel


# --- Specs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    headers: tuple[str, ...]
    parse: Callable
    required: bool = True
    default: object = None  # stored when an optional cell is empty


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    model: type
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...]
    # Rows sharing a natural key are summed (daily platform exports) instead of refused.
    summed: tuple[str, ...] = ()

    def describe(self, values: dict) -> str:
        return "，".join(f"{c.headers[0]}：{_show(values.get(c.name))}" for c in self.columns)


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


SPECS = {
    spec.key: spec
    for spec in [
        Spec(
            "channel_months",
            "渠道月度数据（微博、微信、抖音、校报）",
            ChannelMonth,
            (
                Column("channel", ("渠道", "channel", "平台"), _channel),
                Column("month", ("月份", "month", "日期", "date"), _month),
                Column("posts", ("发布数", "posts", "发博数", "发文数", "篇数", "期数"), _int),
                Column("reads", ("阅读量", "reads", "阅读数"), _int, required=False),
                Column("likes", ("获赞数", "likes", "点赞数"), _int, required=False),
            ),
            ("channel", "month"),
            summed=("posts", "reads", "likes"),
        ),
        Spec(
            "admissions",
            "录取结果（按省份、层次）",
            AdmissionResult,
            (
                Column("year", ("招生年份", "year", "年份"), _int),
                Column("province", ("省份", "province"), _text(20)),
                Column("level", ("层次", "level", "类型"), _choice(AdmissionLevel)),
                Column("admitted", ("录取人数", "admitted", "人数"), _int),
            ),
            ("year", "province", "level"),
        ),
        Spec(
            "outreach",
            "招生宣传活动",
            OutreachEvent,
            (
                Column("kind", ("类型", "kind"), _choice(OutreachKind)),
                Column("held_on", ("日期", "held_on"), _date),
                Column("title", ("名称", "title"), _text(200)),
                Column(
                    "platform", ("平台", "platform", "媒体"), _text(100), required=False, default=""
                ),
                Column("province", ("省份", "province"), _text(20), required=False, default=""),
                Column("city", ("地市", "city"), _text(30), required=False, default=""),
                Column("school", ("中学", "school"), _text(100), required=False, default=""),
                Column("reads", ("阅读量", "reads"), _int, required=False),
            ),
            ("kind", "held_on", "title", "province", "city", "school"),
        ),
        Spec(
            "outreach_members",
            "招生宣传团队成员",
            OutreachMember,
            (
                Column("school_year_start", ("学年起始年份", "school_year_start"), _int),
                Column("name", ("姓名", "name"), _text(50)),
                Column("unit", ("所在单位", "unit", "单位"), _text(100)),
            ),
            ("school_year_start", "name", "unit"),
        ),
        Spec(
            "fees",
            "收费公示",
            FeeSchedule,
            (
                Column("item", ("收费项目", "item"), _text(100)),
                Column("scope", ("适用范围", "scope"), _text(100), required=False, default=""),
                Column("standard", ("收费标准", "standard"), _text(100)),
                Column("basis", ("收费依据", "basis", "文件依据"), _text(200)),
                Column("effective_from", ("执行日期", "effective_from"), _date),
                Column("effective_until", ("停止日期", "effective_until"), _date, required=False),
            ),
            ("item", "scope", "effective_from"),
        ),
        Spec(
            "procurement",
            "采购公示（采购意向、分散采购公示、招投标结果）",
            ProcurementNotice,
            (
                Column("kind", ("类型", "kind"), _choice(ProcurementKind)),
                Column("title", ("标题", "title"), _text(255)),
                Column("published_on", ("发布日期", "published_on"), _date),
                Column("platform", ("发布平台", "platform"), _text(60)),
                Column("url", ("网址", "url"), _text(500), required=False, default=""),
            ),
            ("kind", "title", "published_on"),
        ),
        Spec(
            "cadres",
            "干部任免",
            CadreChange,
            (
                Column("action", ("类别", "action"), _choice(CadreAction)),
                Column("level", ("职级", "level"), _choice(CadreLevel)),
                Column("person", ("姓名", "person"), _text(50)),
                Column("position", ("职务", "position"), _text(150)),
                Column("effective_on", ("任免日期", "effective_on"), _date),
                Column(
                    "document_number",
                    ("文号", "document_number"),
                    _text(60),
                    required=False,
                    default="",
                ),
            ),
            ("action", "person", "position", "effective_on"),
        ),
        Spec(
            "probation",
            "试用期满考核",
            ProbationAssessment,
            (
                Column("person", ("姓名", "person"), _text(50)),
                Column("position", ("职务", "position"), _text(150)),
                Column("assessed_on", ("考核完成日期", "assessed_on"), _date),
                Column("result", ("考核结果", "result"), _text(20), required=False, default="合格"),
            ),
            ("person", "position", "assessed_on"),
        ),
    ]
}


# --- Reading -----------------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(name: str, data: bytes) -> list[list[str]]:
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(decode_csv(data)))]
    if suffix == ".xlsx":
        import openpyxl

        validate_package(data, name)
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged file
            raise ValidationError("无法读取该 XLSX 文件，请确认文件未损坏。") from None
        try:
            return [
                [_cell(c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            book.close()
    raise ValidationError("请上传 .csv 或 .xlsx 文件。")


@dataclass
class ImportResult:
    spec: Spec
    dry_run: bool
    rows: int = 0
    errors: list[tuple[int | None, str]] = field(default_factory=list)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (rows, action, what)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _header_map(spec: Spec, header: list[str]) -> dict[int, Column]:
    aliases = {h.lower(): c for c in spec.columns for h in c.headers}
    mapping, unknown = {}, []
    for index, cell in enumerate(header):
        if not cell:
            continue
        column = aliases.get(cell.lower())
        if column is None:
            unknown.append(cell)
        elif column in mapping.values():
            raise ValidationError(f"列“{cell}”重复。")
        else:
            mapping[index] = column
    problems = []
    if unknown:
        problems.append(f"无法识别的列：{'、'.join(unknown)}")
    missing = [c.headers[0] for c in spec.columns if c.required and c not in mapping.values()]
    if missing:
        problems.append(f"缺少必需的列：{'、'.join(missing)}")
    if problems:
        expected = "、".join(c.headers[0] for c in spec.columns)
        raise ValidationError(f"{'；'.join(problems)}。应有的列：{expected}。")
    return mapping


def _parse_rows(spec, mapping, body, result):
    """Parsed rows grouped by natural key: {key: [(row number, values), …]}."""
    grouped = defaultdict(list)
    for number, cells in enumerate(body, start=2):
        if not any(cells):
            continue
        result.rows += 1
        values, problems = {c.name: c.default for c in spec.columns}, []
        for index, column in mapping.items():
            raw = cells[index] if index < len(cells) else ""
            if not raw:
                if column.required:
                    problems.append(f"“{column.headers[0]}”不能为空")
                values[column.name] = column.default
                continue
            try:
                values[column.name] = column.parse(raw)
            except RowError as exc:
                problems.append(f"“{column.headers[0]}”{exc}")
        if problems:
            result.errors.append((number, "；".join(problems) + "。"))
            continue
        grouped[tuple(values[k] for k in spec.natural_key)].append((number, values))
    return grouped


def _combine(spec, key, entries, result):
    """One record's values from its rows; duplicates are an error unless the spec sums them."""
    if len(entries) == 1:
        return entries[0][1]
    numbers = "、".join(str(n) for n, _ in entries)
    if not spec.summed:
        result.errors.append(
            (entries[-1][0], f"与第{numbers}行重复（{spec.describe(entries[0][1])}）。")
        )
        return None
    combined = dict(entries[0][1])
    for name in spec.summed:
        parts = [v[name] for _, v in entries if v.get(name) is not None]
        combined[name] = sum(parts) if parts else None
    return combined


def run_import(spec_key: str, name: str, data: bytes, *, dry_run: bool) -> ImportResult:
    """Check every row; write all of them in one transaction only if none has a problem."""
    spec = SPECS[spec_key]
    result = ImportResult(spec=spec, dry_run=dry_run)
    try:
        table = read_table(name, data)
        if not table:
            raise ValidationError("文件是空的。")
        if len(table) > MAX_ROWS:
            raise ValidationError(f"超过 {MAX_ROWS} 行，请拆分后分批导入。")
        mapping = _header_map(spec, table[0])
    except ValidationError as exc:
        result.errors.append((None, exc.messages[0]))
        return result
    grouped = _parse_rows(spec, mapping, table[1:], result)
    records = []
    for key, entries in grouped.items():
        values = _combine(spec, key, entries, result)
        if values is not None:
            records.append(("、".join(str(n) for n, _ in entries), key, values))
    if not result.errors and not records:
        result.errors.append((None, "文件中没有数据行。"))
    if result.errors:
        result.errors.sort(key=lambda e: e[0] or 0)
        return result
    with transaction.atomic():
        for rows, key, values in records:
            lookup = dict(zip(spec.natural_key, key, strict=True))
            existing = spec.model.objects.filter(**lookup).first()
            fields = {k: v for k, v in values.items() if k not in lookup}
            if existing is None:
                action = "新增"
                result.created += 1
                if not dry_run:
                    spec.model.objects.create(**lookup, **fields)
            elif any(getattr(existing, k) != v for k, v in fields.items()):
                action = "更新"
                result.updated += 1
                if not dry_run:
                    for k, v in fields.items():
                        setattr(existing, k, v)
                    existing.save()
            else:
                result.unchanged += 1
                continue
            result.changes.append((rows, action, spec.describe(values)))
    return result
