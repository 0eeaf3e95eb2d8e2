"""Chinese working days: weekends, statutory holidays and make-up workdays (调休补班).

Deadlines in 《高等学校信息公开办法》 and 《政府信息公开条例》 are counted in working days.
The rules: office overrides (CalendarDay) win; then the bundled `chinesecalendar` data for
the years it covers; beyond that, Monday to Friday, and the result says it is provisional
so that people see the date may move once the year's arrangement is published.
"""

import datetime
import functools
from bisect import bisect_left
from dataclasses import dataclass, field

import chinese_calendar
from django.utils.translation import gettext, pgettext

from .models import CalendarDay, ConfirmedYear, DayKind

ONE_DAY = datetime.timedelta(days=1)
# Generous bound for loops: 366 working days is far beyond any statutory period.
MAX_SPAN_DAYS = 3 * 366


@functools.lru_cache(maxsize=8192)
def _bundled_is_workday(day: datetime.date) -> bool | None:
    """The `chinesecalendar` answer, None for a year it does not cover. Cached: the library
    scans its whole holiday table on every call, and its data never change in a process."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


@dataclass
class WorkCalendar:
    """One snapshot of the overrides for a date range: one query, then pure computation.

    Callers that compute many deadlines (supervision, statistics) load one calendar and use
    its methods; the module functions below load one per call. Working days are counted
    once into running totals, extended only as far as a question needs, so each answer is
    a subtraction or a binary search and `provisional_years` names only the years consulted.
    """

    start: datetime.date
    end: datetime.date
    overrides: dict = field(default_factory=dict)
    confirmed_years: frozenset = frozenset()
    provisional_years: set = field(default_factory=set)
    # _totals[k]: working days among the first k days of the range.
    _totals: list = field(default_factory=lambda: [0], init=False, repr=False, compare=False)

    @classmethod
    def load(cls, start: datetime.date, end: datetime.date) -> "WorkCalendar":
        rows = CalendarDay.objects.filter(date__range=(start, end)).values_list("date", "kind")
        years = ConfirmedYear.objects.filter(year__range=(start.year, end.year))
        return cls(
            start=start,
            end=end,
            overrides={day: kind == DayKind.WORKDAY for day, kind in rows},
            confirmed_years=frozenset(years.values_list("year", flat=True)),
        )

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year not in self.confirmed_years:
            bundled = _bundled_is_workday(day)
            if bundled is not None:
                return bundled
            self.provisional_years.add(day.year)
        return day.weekday() < 5

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The date on which `days` working days have passed after `start` (not counted).

        `start` may be the day before the loaded range, which then holds only counted days.
        """
        if days < 0:
            raise ValueError("工作日数不能为负数。")
        if days == 0:
            return start
        target = self._through(start) + days
        while self._totals[-1] < target:
            self._extend()
        return self.start + datetime.timedelta(days=bisect_left(self._totals, target) - 1)

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days in (start, end]."""
        if end <= start:
            return 0
        return self._through(end) - self._through(start)

    def _through(self, day: datetime.date) -> int:
        """Working days from the start of the range up to and including `day`."""
        index = (day - self.start).days + 1
        if index < 0:
            raise ValueError("日期早于已载入的工作日历范围。")
        while len(self._totals) <= index:
            self._extend()
        return self._totals[index]

    def _extend(self) -> None:
        day = self.start + datetime.timedelta(days=len(self._totals) - 1)
        if day > self.end:
            raise ValueError("期限超出可计算范围。")
        self._totals.append(self._totals[-1] + self.is_working_day(day))


@dataclass(frozen=True)
class Deadline:
    date: datetime.date
    provisional_years: tuple = ()

    @property
    def is_provisional(self) -> bool:
        return bool(self.provisional_years)

    def explain(self) -> str:
        if not self.provisional_years:
            return ""
        years = pgettext("list separator", "、").join(str(y) for y in self.provisional_years)
        return gettext("%(years)s年节假日安排尚未录入，暂按周一至周五计算，日期可能调整。") % {
            "years": years
        }


def is_working_day(day: datetime.date) -> bool:
    return WorkCalendar.load(day, day).is_working_day(day)


def add_working_days(start: datetime.date, days: int) -> Deadline:
    """The date on which `days` working days have passed after `start`.

    The start day itself is not counted (a request received on a Friday evening starts its
    clock on the next working day), as the regulations count "自收到申请之日起".
    """
    calendar = WorkCalendar.load(start + ONE_DAY, start + datetime.timedelta(days=MAX_SPAN_DAYS))
    day = calendar.add_working_days(start, days)
    return Deadline(day, tuple(sorted(calendar.provisional_years)))


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days in (start, end]: how many of a period's days have been used by `end`."""
    if end <= start:
        return 0
    if (end - start).days > MAX_SPAN_DAYS:
        raise ValueError("日期跨度过大。")
    return WorkCalendar.load(start + ONE_DAY, end).working_days_between(start, end)
