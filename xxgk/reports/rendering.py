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
from django.utils.html import escape, format_html

from xxgk.supervision.periods import Period

from . import figures
from .models import PeriodKind

ENGINE = Engine(builtins=["django.template.defaulttags"], string_if_invalid="【未知数据项】")
ALLOWED_TAGS = {"if", "elif", "else", "endif"}
VARIABLE_RE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
TAG_RE = re.compile(r"\{%\s*(\w+)([^%]*)%\}")
NAME_RE = re.compile(r"[A-Za-z_][\w.]*")
CONDITION_WORDS = {"and", "or", "not"}
SUBHEADING_RE = re.compile(r"^（[一二三四五六七八九十]+）")
MINOR_HEADING_RE = re.compile(r"^\d+[.．、]\D")


def period_for(period_kind: str, year: int) -> Period:
    if period_kind == PeriodKind.CALENDAR_YEAR:
        return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return Period.school_year(year)


def year_label(period_kind: str, year: int) -> str:
    if period_kind == PeriodKind.CALENDAR_YEAR:
        return f"{year}年"
    return f"{year}-{year + 1}学年"


def _cn(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def text_context(period_kind: str, year: int) -> dict:
    """The words a template may use besides figures."""
    period = period_for(period_kind, year)
    return {
        "school": settings.XXGK_SCHOOL_NAME,
        "year_label": year_label(period_kind, year),
        "period_start": _cn(period.start),
        "period_end": _cn(period.end),
        "period_start_month": f"{period.start.year}年{period.start.month}月",
        "period_end_month": f"{period.end.year}年{period.end.month}月",
        "admission_year": figures.admission_year(period),
        "home_province": figures.home_province(),
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
        if self.value is None:
            return format_html('<mark class="report-gap">{}</mark>', self.text())
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
    """Refuse unknown figures, tags other than if/else, and broken syntax, in Chinese."""
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
class Paragraph:
    kind: str  # "subheading", "minor" or "body"
    text: str
    html: str


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
    *, period_kind: str, year: int, title: str, sections: list[dict], draft_id=None
) -> RenderedReport:
    """Compute every figure once and fill them into the title and each section."""
    period = period_for(period_kind, year)
    rows = figures.registry()
    values = figures.compute_all(period, rows)

    def context(linked: bool) -> Context:
        flat = {}
        pattern = ""
        if linked and draft_id is not None:
            pattern = reverse("reports_admin:drilldown", args=[draft_id, "CODE"])
        for code, value in values.items():
            url = pattern.replace("CODE", code) if pattern else ""
            flat[code] = Figure(code, rows[code].label, value, url)
        return Context({**text_context(period_kind, year), **_nest(flat)}, autoescape=linked)

    plain, linked = context(False), context(True)
    rendered = []
    cited = set()
    for section in sections:
        text = section.get("text", "")
        cited |= cited_codes(text)
        text_lines = ENGINE.from_string(text).render(plain).splitlines()
        # The office's own words are escaped too: only figures become markup.
        html_lines = ENGINE.from_string(escape(text)).render(linked).splitlines()
        paragraphs = [
            _paragraph(t.strip(), h.strip())
            for t, h in zip(text_lines, html_lines, strict=True)
            if t.strip()
        ]
        rendered.append(RenderedSection(section.get("heading", ""), paragraphs))
    gaps = [rows[c].label for c in sorted(cited) if c in values and values[c] is None]
    return RenderedReport(
        title=ENGINE.from_string(title).render(plain),
        period=period,
        sections=rendered,
        values=values,
        gaps=gaps,
    )
