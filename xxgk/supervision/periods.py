"""Reporting periods: a school year (1 September – 31 August) or any date range."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Longer ranges make the matrix meaningless and the computation slow.
MAX_PERIOD_DAYS = 5 * 366
SCHOOL_YEAR_START_MONTH = 9


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValidationError(_("结束日期不能早于开始日期。"))
        if (self.end - self.start).days > MAX_PERIOD_DAYS:
            raise ValidationError(_("统计期间最长为五年。"))

    @classmethod
    def school_year(cls, start_year: int) -> "Period":
        if not 2000 <= start_year <= 2100:
            raise ValidationError(_("学年须在 2000 至 2100 年之间。"))
        return cls(
            datetime.date(start_year, SCHOOL_YEAR_START_MONTH, 1),
            datetime.date(start_year + 1, SCHOOL_YEAR_START_MONTH, 1) - datetime.timedelta(days=1),
        )

    @classmethod
    def school_year_of(cls, day: datetime.date) -> "Period":
        return cls.school_year(day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1)

    @property
    def label(self) -> str:
        school_year = Period.school_year_of(self.start)
        if school_year == self:
            return gettext("%(start)s-%(end)s学年") % {
                "start": self.start.year,
                "end": self.end.year,
            }
        return gettext("%(start)s 至 %(end)s") % {
            "start": f"{self.start:%Y-%m-%d}",
            "end": f"{self.end:%Y-%m-%d}",
        }

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[datetime.date]:
        """The first day of every month the period touches."""
        months, day = [], self.start.replace(day=1)
        while day <= self.end:
            months.append(day)
            day = add_months(day, 1)
        return months


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, days_in_month(year, month))
