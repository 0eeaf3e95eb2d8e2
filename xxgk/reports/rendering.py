"""Turn a draft's sections into paragraphs with the figures filled in.

Section text is a small Django template: ``{{ code }}`` cites a figure of the registry and
``{% if code %}…{% else %}…{% endif %}`` picks a wording. In the HTML preview each figure links
to the records it counts; a figure without data is marked 【待补】 for the office, never 0.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html

from . import registry, tables
from .models import PeriodKind, ReportTemplate
from .registry import Period

ENGINE = Engine(builtins=["django.template.defaulttags"], string_if_invalid="【未知数据项】")
ALLOWED_TAGS = {"if", "elif", "else", "endif"}
VARIABLE_RE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
TAG_RE = re.compile(r"\{%\s*(\w+)([^%]*)%\}")
NAME_RE = re.compile(r"[A-Za-z_][\w.]*")
CONDITION_WORDS = {"and", "or", "not"}
SUBHEADING_RE = re.compile(r"^（[一二三四五六七八九十]+）")
MINOR_HEADING_RE = re.compile(r"^\d+[.．、]\D")


def period_for(period_kind: str, year: int) -> Period:
    """The period of a kind with the default school-year start (1 September)."""
    return ReportTemplate(period_kind=period_kind).period(year)


def year_label(period_kind: str, year: int) -> str:
    if period_kind == PeriodKind.CALENDAR_YEAR:
        return f"{year}年"
    return f"{year}-{year + 1}学年"


def _cn(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def text_context(period_kind: str, year: int, period: Period | None = None) -> dict:
    """The words a template may use besides figures."""
    period = period or period_for(period_kind, year)
    return {
        "school": settings.XXGK_SCHOOL_NAME,
        "year_label": year_label(period_kind, year),
        "period_start": _cn(period.start),
        "period_end": _cn(period.end),
        "period_start_month": f"{period.start.year}年{period.start.month}月",
        "period_end_month": f"{period.end.year}年{period.end.month}月",
        "admission_year": registry.admission_year(period),
        "home_province": registry.home_province(),
    }


TEXT_NAMES = set(text_context(PeriodKind.SCHOOL_YEAR, 2000))


@dataclass
class Figure:
    """One figure in the text: its number, or a gap marker. With ``url`` (the HTML preview) it
    prints as a link to the records it counts (Django calls str() before escaping, so the safe
    markup is returned from __str__)."""

    code: str
    label: str
    value: int | None
    url: str = ""

    def text(self) -> str:
        return f"【待补：{self.label}】" if self.value is None else str(self.value)

    def __str__(self):
        if not self.url:
            return self.text()
        if self.value is None:  # still a link: the records there are, and the row's meaning
            return format_html(
                '<a class="report-gap" href="{}"><mark>{}</mark></a>', self.url, self.text()
            )
        return format_html(
            '<a class="report-figure" href="{}" title="{}">{}</a>', self.url, self.label, self.value
        )

    def __bool__(self):
        return self.value is None or self.value != 0


def _nest(flat: dict) -> dict:
    nested: dict = {}
    for code, value in flat.items():
        node = nested
        *parents, leaf = code.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested


def cited_codes(text: str) -> set[str]:
    names = set(VARIABLE_RE.findall(text))
    for tag, rest in TAG_RE.findall(text):
        if tag in ("if", "elif"):
            names |= {n for n in NAME_RE.findall(rest) if n not in CONDITION_WORDS}
    return names


def validate_text(text: str, codes) -> None:
    """Refuse unknown figures and tables, tags other than if/else, and broken syntax, in
    Chinese."""
    unknown_tables = set(tables.cited_tables(text)) - set(tables.keys())
    if unknown_tables:
        raise ValidationError(
            f"未知的表格：{'、'.join(sorted(unknown_tables))}。"
            f"可用的表格：{'、'.join(tables.keys())}。"
        )
    bad_tags = {tag for tag, _ in TAG_RE.findall(text)} - ALLOWED_TAGS
    if bad_tags:
        raise ValidationError(
            f"只能使用 if/elif/else/endif 标签，不能使用：{'、'.join(sorted(bad_tags))}。"
        )
    unknown = cited_codes(text) - set(codes) - TEXT_NAMES
    if unknown:
        raise ValidationError(
            f"未知的数据项：{'、'.join(sorted(unknown))}。请在“数据项说明”中查找代码。"
        )
    try:
        ENGINE.from_string(text)
    except TemplateSyntaxError as exc:
        raise ValidationError(f"模板语法错误：{exc}") from exc


@dataclass
class TableCell:
    text: str
    html: str
    colspan: int = 1
    rowspan: int = 1
    indent: int = 0
    figure: bool = False
    url: str = ""  # a link that is part of the content (not a figure's drill-down)


@dataclass
class RenderedTable:
    title: str
    rows: list[list[TableCell | None]]  # None: a place covered by a span
    header_rows: int


def table_html(table: RenderedTable, *, linked: bool = True) -> str:
    """The table as HTML (figures as links when `linked`), header rows in <thead>."""
    parts = [f'<table class="report-table"><caption>{escape(table.title)}</caption>']
    for number, row in enumerate(table.rows):
        if number == 0:
            parts.append("<thead>")
        if number == table.header_rows:
            parts.append("</thead><tbody>")
        tag = "th" if number < table.header_rows else "td"
        parts.append("<tr>")
        for cell in row:
            if cell is None:
                continue
            spans = "".join(
                f' {name}="{value}"'
                for name, value in (("colspan", cell.colspan), ("rowspan", cell.rowspan))
                if value > 1
            )
            style = f' style="padding-left:{cell.indent + 0.3}em"' if cell.indent else ""
            body = cell.html if linked or cell.url else escape(cell.text)
            parts.append(f"<{tag}{spans}{style}>{body}</{tag}>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


@dataclass
class Paragraph:
    kind: str  # "subheading", "minor", "body" or "table"
    text: str
    html: str
    table: RenderedTable | None = None


@dataclass
class RenderedSection:
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class RenderedReport:
    title: str
    period: Period
    sections: list[RenderedSection]
    values: dict[str, int | None]
    gaps: list[str]


def _paragraph(text_line: str, html_line: str) -> Paragraph:
    kind = "body"
    if SUBHEADING_RE.match(text_line):
        kind = "subheading"
    elif MINOR_HEADING_RE.match(text_line) and len(text_line) <= 40:
        kind = "minor"
    return Paragraph(kind, text_line, html_line)


def render(
    *, period: Period, period_kind: str, year: int, title: str, sections: list[dict], draft_id=None
) -> RenderedReport:
    """Compute every figure once and fill them into the title and each section."""
    rows = registry.figures()
    table_specs = {}
    cited = set().union(*(cited_codes(s.get("text", "")) for s in sections), cited_codes(title))
    for section in sections:
        for key in tables.cited_tables(section.get("text", "")):
            if key not in table_specs:
                table_specs[key] = tables.build(key, period, rows, timezone.localdate())
            cited |= table_specs[key].codes
    # Only the figures the report uses: the registry has hundreds of rows (every table cell).
    values = {code: rows[code].compute(period) for code in sorted(cited) if code in rows}
    gap_labels = {
        code: rows[code].gap_label(period)
        for code in sorted(cited)
        if code in values and values[code] is None
    }

    def figures_for(linked: bool) -> dict[str, Figure]:
        flat = {}
        pattern = ""
        if linked and draft_id is not None:
            pattern = reverse("reports_admin:drilldown", args=[draft_id, "CODE"])
        for code, value in values.items():
            url = pattern.replace("CODE", code) if pattern else ""
            flat[code] = Figure(code, gap_labels.get(code, rows[code].label), value, url)
        return flat

    plain_figures, linked_figures = figures_for(False), figures_for(True)
    words = text_context(period_kind, year, period)
    plain = Context({**words, **_nest(plain_figures)}, autoescape=False)
    linked = Context({**words, **_nest(linked_figures)}, autoescape=True)

    def table(spec: tables.TableSpec) -> RenderedTable:
        def cell(c: tables.Cell | None) -> TableCell | None:
            if c is None:
                return None
            if c.url:
                html = format_html('<a href="{}">{}</a>', c.url, c.text)
                return TableCell(c.text, html, c.colspan, c.rowspan, c.indent, url=c.url)
            if not c.code:
                return TableCell(c.text, escape(c.text), c.colspan, c.rowspan, c.indent)
            return TableCell(
                plain_figures[c.code].text(),
                str(linked_figures[c.code]),
                c.colspan,
                c.rowspan,
                figure=True,
            )

        return RenderedTable(
            spec.title,
            [[cell(c) for c in row] for row in spec.header + spec.body],
            len(spec.header),
        )

    rendered = []
    for section in sections:
        text = section.get("text", "")
        text_lines = ENGINE.from_string(text).render(plain).splitlines()
        # The office's own words are escaped too: only figures become markup.
        html_lines = ENGINE.from_string(escape(text)).render(linked).splitlines()
        paragraphs = []
        for t, h in zip(text_lines, html_lines, strict=True):
            if not t.strip():
                continue
            marker = tables.MARKER_RE.match(t.strip())
            if marker:
                rendered_table = table(table_specs[marker.group(1)])
                html = table_html(rendered_table, linked=True)
                paragraphs.append(Paragraph("table", rendered_table.title, html, rendered_table))
            else:
                paragraphs.append(_paragraph(t.strip(), h.strip()))
        rendered.append(RenderedSection(section.get("heading", ""), paragraphs))
    gaps = list(gap_labels.values())
    return RenderedReport(
        title=ENGINE.from_string(title).render(plain),
        period=period,
        sections=rendered,
        values=values,
        gaps=gaps,
    )
