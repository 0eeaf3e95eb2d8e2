import datetime

import pytest
from django.utils import translation

from xxgk.workdays.calendar import (
    MAX_SPAN_DAYS,
    Deadline,
    WorkCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)
from xxgk.workdays.models import DayKind
from xxgk.workdays.services import confirm_year, record_days

D = datetime.date


@pytest.mark.django_db
def test_weekends_holidays_and_makeup_workdays():
    assert is_working_day(D(2022, 9, 30))  # Friday
    assert not is_working_day(D(2022, 10, 1))  # National Day
    assert not is_working_day(D(2022, 10, 7))  # National Day holiday (a Friday)
    assert is_working_day(D(2022, 10, 8))  # Saturday make-up workday (调休补班)
    assert not is_working_day(D(2022, 10, 15))  # ordinary Saturday


@pytest.mark.django_db
def test_fifteen_working_days_across_national_day():
    # Received Thursday 2022-09-29: 9-30 is day 1; 10-1..10-7 are holidays; Saturday 10-8
    # and Sunday 10-9 are make-up workdays (2, 3); then 10-10..10-14 (4-8), 10-17..10-21
    # (9-13), 10-24 (14) and 10-25 (15).
    deadline = add_working_days(D(2022, 9, 29), 15)
    assert deadline.date == D(2022, 10, 25)
    assert not deadline.is_provisional


@pytest.mark.django_db
def test_start_day_is_not_counted():
    assert add_working_days(D(2022, 3, 7), 1).date == D(2022, 3, 8)  # Monday -> Tuesday
    assert add_working_days(D(2022, 3, 4), 1).date == D(2022, 3, 7)  # Friday -> Monday
    assert add_working_days(D(2022, 3, 4), 0).date == D(2022, 3, 4)


@pytest.mark.django_db
def test_working_days_between_inverse_of_add():
    start = D(2022, 1, 20)
    for days in (1, 5, 15, 20, 40):
        end = add_working_days(start, days).date
        assert working_days_between(start, end) == days
    assert working_days_between(D(2022, 5, 1), D(2022, 4, 1)) == 0


@pytest.mark.django_db
def test_year_beyond_bundled_data_is_provisional_until_confirmed():
    deadline = add_working_days(D(2026, 12, 24), 15)
    assert deadline.date == D(2027, 1, 14)  # Monday to Friday, 1 January counted
    assert deadline.is_provisional and deadline.provisional_years == (2027,)
    assert "2027年节假日安排尚未录入" in deadline.explain()
    # The office enters 2027: New Year's Day holiday on Friday 1 January.
    confirm_year(
        year=2027,
        source="国务院办公厅通知",
        days=[(D(2027, 1, 1), DayKind.HOLIDAY, "元旦")],
    )
    confirmed = add_working_days(D(2026, 12, 24), 15)
    assert not confirmed.is_provisional
    assert confirmed.date == D(2027, 1, 15)
    assert not is_working_day(D(2027, 1, 1))


@pytest.mark.django_db
def test_office_override_wins_over_bundled_data():
    assert is_working_day(D(2022, 6, 1))
    record_days(days=[(D(2022, 6, 1), DayKind.HOLIDAY, "校庆放假")])
    assert not is_working_day(D(2022, 6, 1))
    record_days(days=[(D(2022, 6, 4), DayKind.WORKDAY, "补班")])
    assert is_working_day(D(2022, 6, 4))


@pytest.mark.django_db
def test_negative_days_rejected():
    with pytest.raises(ValueError):
        add_working_days(D(2022, 1, 1), -1)


@pytest.mark.django_db
def test_loaded_calendar_agrees_with_the_module_functions():
    """One calendar answers many questions (supervision, mailbox statistics) as the
    per-call functions do, across National Day, Spring Festival and make-up workdays."""
    record_days(days=[(D(2022, 6, 1), DayKind.HOLIDAY, "校庆放假")])
    calendar = WorkCalendar.load(D(2021, 9, 1), D(2022, 12, 31))
    pairs = [
        (D(2021, 9, 30), D(2021, 10, 11)),
        (D(2022, 1, 28), D(2022, 2, 10)),
        (D(2022, 5, 27), D(2022, 6, 6)),
        (D(2021, 9, 1), D(2021, 9, 1)),
        (D(2021, 8, 31), D(2021, 9, 3)),  # the day before the range may start a count
    ]
    for a, b in pairs:
        assert calendar.working_days_between(a, b) == working_days_between(a, b)
    for start in (D(2021, 9, 29), D(2022, 1, 27), D(2022, 5, 31), D(2021, 8, 31)):
        for days in (0, 1, 3, 15, 20):
            assert calendar.add_working_days(start, days) == add_working_days(start, days).date


@pytest.mark.django_db
def test_loaded_calendar_refuses_days_outside_its_range():
    calendar = WorkCalendar.load(D(2022, 1, 1), D(2022, 1, 31))
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2022, 1, 20), 30)
    with pytest.raises(ValueError):
        calendar.working_days_between(D(2021, 12, 1), D(2022, 1, 10))


@pytest.mark.django_db
def test_loaded_calendar_reports_only_the_years_it_consulted():
    calendar = WorkCalendar.load(D(2026, 12, 1), D(2028, 12, 31))
    assert calendar.add_working_days(D(2026, 12, 1), 5) == D(2026, 12, 8)
    assert calendar.provisional_years == set()
    assert calendar.add_working_days(D(2026, 12, 24), 15) == D(2027, 1, 14)
    assert calendar.provisional_years == {2027}


def test_a_provisional_deadline_tells_the_reader_which_years_are_guessed_and_how():
    """Shown beside a deadline that falls in a year whose holidays are not yet entered: the
    reader must learn the years, that Monday to Friday was assumed, and that it may move."""
    assert Deadline(D(2022, 3, 29)).explain() == ""
    assert Deadline(D(2027, 1, 14), provisional_years=(2027,)).explain() == (
        "2027年节假日安排尚未录入，暂按周一至周五计算，日期可能调整。"
    )
    assert Deadline(D(2028, 1, 5), provisional_years=(2027, 2028)).explain() == (
        "2027、2028年节假日安排尚未录入，暂按周一至周五计算，日期可能调整。"
    )


@pytest.mark.django_db
def test_a_deadline_ending_on_the_last_working_day_of_a_known_year_is_not_provisional():
    """2026's holidays are bundled, 2027's are not. A deadline that falls on Thursday
    31 December 2026 is certain: the days after it are not part of the count, so the
    reader must not be told that 2027's holidays could move it."""
    deadline = add_working_days(D(2026, 12, 30), 1)
    assert deadline.date == D(2026, 12, 31)
    assert not deadline.is_provisional and deadline.explain() == ""


@pytest.mark.django_db
def test_the_start_day_is_not_one_of_the_years_a_provisional_deadline_names():
    """Counted from 1 January 2028 (neither 2027's nor 2028's holidays entered), only the
    days after the start are counted: the notice names 2028, not 2027."""
    deadline = add_working_days(D(2028, 1, 1), 10)
    assert deadline.provisional_years == (2028,)
    assert "2027" not in deadline.explain()


@pytest.mark.django_db
def test_spans_up_to_three_years_are_counted_and_longer_ones_refused_in_chinese():
    start = D(2021, 9, 1)
    longest = start + datetime.timedelta(days=MAX_SPAN_DAYS)
    assert working_days_between(start, longest) > 700  # about 250 working days a year
    with pytest.raises(ValueError, match="^日期跨度过大。$"):
        working_days_between(start, longest + datetime.timedelta(days=1))


@pytest.mark.django_db
def test_refusals_say_why_in_chinese():
    with pytest.raises(ValueError, match="^工作日数不能为负数。$"):
        add_working_days(D(2022, 1, 1), -1)
    calendar = WorkCalendar.load(D(2022, 1, 1), D(2022, 1, 31))
    with pytest.raises(ValueError, match="^期限超出可计算范围。$"):
        calendar.add_working_days(D(2022, 1, 20), 30)
    with pytest.raises(ValueError, match="^日期早于已载入的工作日历范围。$"):
        calendar.working_days_between(D(2021, 12, 1), D(2022, 1, 10))


def test_an_english_reader_sees_the_guessed_years_as_an_english_list():
    with translation.override("en"):
        text = Deadline(D(2028, 1, 14), provisional_years=(2027, 2028)).explain()
    assert "2027, 2028" in text and "、" not in text
