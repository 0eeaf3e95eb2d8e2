"""The working-day engine against a slow walk through the calendar, one day at a time.

WorkCalendar counts working days into running totals and answers by subtraction and binary
search; here the same questions are answered by stepping day by day and asking whether each
day is worked: in years the office confirmed (its overrides, else Monday to Friday) and in
years the bundled State Council arrangement covers (chinese_calendar, holidays and make-up
workdays)."""

import datetime

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.workdays.calendar import MAX_SPAN_DAYS, WorkCalendar

ONE_DAY = datetime.timedelta(days=1)
CONFIRMED = frozenset(range(2030, 2036))
FIRST, LAST = datetime.date(2030, 1, 1), datetime.date(2032, 12, 31)


def walk_add(start, days, worked) -> datetime.date:
    day, counted = start, 0
    while counted < days:
        day += ONE_DAY
        counted += worked(day)
    return day


def walk_between(start, end, worked) -> int:
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += worked(day)
    return count


def confirmed_rule(overrides):
    def worked(day):
        if day in overrides:
            return overrides[day]
        return day.weekday() < 5

    return worked


overrides_strategy = st.dictionaries(
    st.dates(min_value=FIRST, max_value=LAST), st.booleans(), max_size=60
)


def calendar_for(start, overrides=None, confirmed=CONFIRMED):
    return WorkCalendar(
        start=start + ONE_DAY,
        end=start + datetime.timedelta(days=MAX_SPAN_DAYS),
        overrides=dict(overrides or {}),
        confirmed_years=confirmed,
    )


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=FIRST, max_value=datetime.date(2031, 6, 30)),
    st.integers(min_value=0, max_value=60),
    overrides_strategy,
)
def test_adding_working_days_in_confirmed_years_matches_the_walk(start, days, overrides):
    expected = walk_add(start, days, confirmed_rule(overrides))
    assert calendar_for(start, overrides).add_working_days(start, days) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=FIRST, max_value=datetime.date(2031, 6, 30)),
    st.integers(min_value=-5, max_value=200),
    overrides_strategy,
)
def test_counting_working_days_in_confirmed_years_matches_the_walk(start, span, overrides):
    end = start + datetime.timedelta(days=span)
    calendar = calendar_for(start, overrides)
    assert calendar.working_days_between(start, end) == walk_between(
        start, end, confirmed_rule(overrides)
    )


def bundled_rule(day):
    return chinese_calendar.is_workday(day)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2024, 10, 31)),
    st.integers(min_value=0, max_value=45),
)
def test_adding_working_days_over_state_council_holidays_matches_the_walk(start, days):
    calendar = calendar_for(start, confirmed=frozenset())
    assert calendar.add_working_days(start, days) == walk_add(start, days, bundled_rule)
    assert not calendar.provisional_years


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2024, 6, 30)),
    st.integers(min_value=0, max_value=150),
)
def test_counting_working_days_over_state_council_holidays_matches_the_walk(start, span):
    end = start + datetime.timedelta(days=span)
    calendar = calendar_for(start, confirmed=frozenset())
    assert calendar.working_days_between(start, end) == walk_between(start, end, bundled_rule)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=FIRST, max_value=datetime.date(2031, 6, 30)),
    st.integers(min_value=1, max_value=40),
    overrides_strategy,
)
def test_a_deadline_always_falls_on_a_working_day_and_counts_back_to_its_days(
    start, days, overrides
):
    calendar = calendar_for(start, overrides)
    due = calendar.add_working_days(start, days)
    assert confirmed_rule(overrides)(due)
    assert calendar.working_days_between(start, due) == days
    assert calendar.working_days_between(start, due - ONE_DAY) == days - 1


def test_zero_working_days_from_a_holiday_is_that_holiday():
    national_day = datetime.date(2022, 10, 1)
    assert (
        calendar_for(national_day, confirmed=frozenset()).add_working_days(national_day, 0)
        == national_day
    )


def test_a_year_neither_confirmed_nor_bundled_counts_monday_to_friday_provisionally():
    start = datetime.date(2040, 3, 2)  # a Friday
    calendar = calendar_for(start, confirmed=frozenset())
    assert calendar.add_working_days(start, 1) == datetime.date(2040, 3, 5)
    assert calendar.provisional_years == {2040}


def test_negative_days_and_questions_outside_the_range_are_refused():
    start = datetime.date(2030, 5, 6)
    calendar = calendar_for(start)
    with pytest.raises(ValueError, match="工作日数不能为负数"):
        calendar.add_working_days(start, -1)
    with pytest.raises(ValueError, match="日期早于已载入的工作日历范围"):
        calendar.working_days_between(start - datetime.timedelta(days=3), start)
    with pytest.raises(ValueError, match="期限超出可计算范围"):
        calendar.add_working_days(start, MAX_SPAN_DAYS)
