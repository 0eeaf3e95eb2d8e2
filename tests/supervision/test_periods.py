"""The reporting period's rules. A school year runs from 1 September to 31 August (the seed
report covers 1 September 2021 – 31 August 2022); any other range may be asked for, up to
five years."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from xxgk.supervision.periods import MAX_PERIOD_DAYS, Period, add_months

D = datetime.date


def test_a_school_year_runs_from_the_first_of_september_to_the_end_of_august():
    assert Period.school_year(2021) == Period(D(2021, 9, 1), D(2022, 8, 31))
    assert Period.school_year(2021).label == "2021-2022学年"


@pytest.mark.parametrize("start_year", [2000, 2100])
def test_school_years_from_2000_to_2100_are_accepted(start_year):
    assert Period.school_year(start_year).start == D(start_year, 9, 1)


@pytest.mark.parametrize("start_year", [1999, 2101])
def test_a_school_year_outside_2000_to_2100_is_refused_in_chinese(start_year):
    with pytest.raises(ValidationError) as refused:
        Period.school_year(start_year)
    assert refused.value.messages == ["学年须在 2000 至 2100 年之间。"]


@pytest.mark.parametrize(
    ("day", "start_year"),
    [
        (D(2022, 1, 1), 2021),
        (D(2022, 8, 31), 2021),  # the last day of 2021-2022
        (D(2022, 9, 1), 2022),  # the first day of 2022-2023
        (D(2022, 12, 31), 2022),
    ],
)
def test_a_day_belongs_to_the_school_year_that_began_on_the_last_first_of_september(
    day, start_year
):
    assert Period.school_year_of(day) == Period.school_year(start_year)


def test_months_are_every_month_the_period_touches_from_its_first_day():
    assert Period(D(2022, 9, 15), D(2022, 11, 10)).months() == [
        D(2022, 9, 1),
        D(2022, 10, 1),
        D(2022, 11, 1),
    ]
    # A period that ends on the first of a month touches that month too.
    assert Period(D(2022, 1, 31), D(2022, 3, 1)).months() == [
        D(2022, 1, 1),
        D(2022, 2, 1),
        D(2022, 3, 1),
    ]


def test_a_range_label_names_both_days():
    assert Period(D(2022, 9, 15), D(2022, 11, 10)).label == "2022-09-15 至 2022-11-10"


def test_an_end_before_the_start_is_refused_and_one_day_is_a_period():
    with pytest.raises(ValidationError) as refused:
        Period(D(2022, 9, 2), D(2022, 9, 1))
    assert refused.value.messages == ["结束日期不能早于开始日期。"]
    assert Period(D(2022, 9, 1), D(2022, 9, 1)).days == 1


def test_a_period_may_last_five_years_and_no_longer():
    start = D(2020, 1, 1)
    assert Period(start, start + datetime.timedelta(days=MAX_PERIOD_DAYS)).days == 5 * 366 + 1
    with pytest.raises(ValidationError) as refused:
        Period(start, start + datetime.timedelta(days=MAX_PERIOD_DAYS + 1))
    assert refused.value.messages == ["统计期间最长为五年。"]


def test_a_month_later_is_clamped_to_the_end_of_a_shorter_month():
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2022, 12, 15), 1) == D(2023, 1, 15)
    assert add_months(D(2023, 3, 31), -1) == D(2023, 2, 28)


def test_a_period_contains_its_first_and_last_day_and_nothing_outside():
    period = Period.school_year(2021)
    assert period.contains(D(2021, 9, 1)) and period.contains(D(2022, 8, 31))
    assert not period.contains(D(2021, 8, 31)) and not period.contains(D(2022, 9, 1))
