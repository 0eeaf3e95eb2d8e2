"""The figure registry (the MoJ CTS pattern): every figure a report template can cite.

Each app registers the figures over its own records from its ``AppConfig.ready()``
(``register_figures``), so this app computes, renders and drills down into figures without
importing the apps that own them. A figure has a code (used as ``{{ code }}`` in section
text), a label, a meaning, the records it counts for a period (the drill-down) and a value
computed from them. A figure whose source has no records for the period is a *gap*, not a
zero, when ``gap_if_empty`` is set: the draft marks it for the office to fill.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone


class Period(NamedTuple):
    """The span a report counts, both ends included. Figures read ``start`` and ``end`` only; an
    app that needs its own period type (supervision's months) builds it from them."""

    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    group: str
    records: Callable[[Period], QuerySet]
    value: Callable[[QuerySet], int | None] = lambda qs: qs.count()
    gap_if_empty: bool = False
    meaning: str = ""
    describe: Callable[[object], str] = str
    extra: dict = field(default_factory=dict)
    # What part of the period has no data (e.g. months a channel has no figures for): a
    # partial sum would pass for the year's total, so it is a gap too.
    missing: Callable[[Period], list[str]] | None = None

    def compute(self, period: Period) -> int | None:
        """The figure, or None when the period has no (or incomplete) data: a gap to fill."""
        records = self.records(period)
        if self.gap_if_empty and not records.exists():
            return None
        if self.missing is not None and self.missing(period):
            return None
        return self.value(records) or 0

    def gap_label(self, period: Period) -> str:
        missing = self.missing(period) if self.missing is not None else []
        if not missing:
            return self.label
        more = f"等{len(missing)}个月" if len(missing) > 3 else ""
        return f"{self.label}（缺{'、'.join(missing[:3])}{more}）"


def sum_of(field_name):
    """A figure's value: the sum of a field over its records."""
    return lambda qs: qs.aggregate(n=Sum(field_name))["n"]


def distinct(field_name):
    """A figure's value: how many different non-empty values a field takes."""
    return lambda qs: qs.exclude(**{field_name: ""}).aggregate(n=Count(field_name, distinct=True))[
        "n"
    ]


def aware_range(period: Period):
    """The period as [first instant, instant after the last day), for datetime fields."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(period.start, datetime.time.min, tz),
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min, tz),
    )


def home_province() -> str:
    """The school's province: admissions and outreach figures count it apart from the others;
    a template's text may say it as {{ home_province }}."""
    return getattr(settings, "XXGK_HOME_PROVINCE", "浙江")


def admission_year(period: Period) -> int:
    """The admissions of a school year are those of the summer it ends in (2021-2022 → 2022)."""
    return period.end.year


# (order, provider): a provider builds its figures per call, since some are data (the
# catalogue's categories); the order keeps the figure catalogue's groups in a fixed sequence
# whatever the order the apps load in.
_providers: list[tuple[int, Callable[[], Iterable[Figure]]]] = []


def register_figures(provider: Callable[[], Iterable[Figure]], *, order: int) -> None:
    """Called by the app owning the records, from its AppConfig.ready()."""
    if provider not in [p for _, p in _providers]:
        _providers.append((order, provider))
        _providers.sort(key=lambda entry: entry[0])


def figures() -> dict[str, Figure]:
    """Every registered figure, by code."""
    return {figure.code: figure for _, provider in _providers for figure in provider()}


def compute_all(period: Period, rows: dict[str, Figure] | None = None) -> dict[str, int | None]:
    rows = rows if rows is not None else figures()
    return {code: row.compute(period) for code, row in rows.items()}
