"""A working calendar the due-date tests know day by day, whatever today is.

From tomorrow on, each of the next 60 days is recorded as an office override
(xxgk.workdays.services.record_days), which wins over the bundled holiday data: Monday to
Friday are working days and weekends are not, except that next week's Monday to Wednesday
are a holiday and that week's Saturday is a make-up working day (调休补班). The due dates
the tests expect are counted over this calendar here, independently of xxgk.workdays.
"""

import datetime

from xxgk.workdays.models import DayKind
from xxgk.workdays.services import record_days

ONE_DAY = datetime.timedelta(days=1)
SPAN_DAYS = 60


def known_calendar(today: datetime.date, *, today_is: str | None = None) -> set[datetime.date]:
    """Record the calendar after `today` (and `today` itself as `today_is`, a DayKind, if
    given); returns its working days."""
    monday = today + datetime.timedelta(days=7 - today.weekday())  # next week's, after today
    holiday = {monday, monday + ONE_DAY, monday + 2 * ONE_DAY}
    make_up = monday + datetime.timedelta(days=5)
    rows, working = [], set()
    for offset in range(1, SPAN_DAYS + 1):
        day = today + offset * ONE_DAY
        works = (day.weekday() < 5 and day not in holiday) or day == make_up
        if works:
            working.add(day)
        name = "测试节" if day in holiday else ("测试节调休补班" if day == make_up else "")
        rows.append((day, DayKind.WORKDAY if works else DayKind.HOLIDAY, name))
    if today_is:
        rows.append((today, today_is, "收到当天"))
    record_days(days=rows)
    return working


def count_working_days(start: datetime.date, days: int, working: set) -> datetime.date:
    """The day on which `days` working days have passed after `start` (not counted)."""
    day = start
    while days:
        day += ONE_DAY
        assert day <= start + SPAN_DAYS * ONE_DAY, "beyond the recorded calendar"
        days -= day in working
    return day


def weekdays_only(start: datetime.date, days: int) -> datetime.date:
    """The same count had nobody recorded the holiday: to show the calendar mattered."""
    day = start
    while days:
        day += ONE_DAY
        days -= day.weekday() < 5
    return day
