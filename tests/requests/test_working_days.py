"""The working-day engine as the request deadlines use it: properties and fixed holiday cases."""

import datetime

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.workdays.calendar import add_working_days, is_working_day, working_days_between

D = datetime.date
dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 10, 31))
days = st.integers(min_value=0, max_value=40)
prop = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@prop
@given(start=dates, n=st.integers(min_value=1, max_value=40))
def test_result_is_a_working_day_after_the_start(start, n):
    due = add_working_days(start, n).date
    assert due > start
    assert is_working_day(due)
    assert working_days_between(start, due) == n


@pytest.mark.django_db
@prop
@given(start=dates, n=days, m=days)
def test_monotonic_in_n(start, n, m):
    low, high = sorted((n, m))
    assert add_working_days(start, low).date <= add_working_days(start, high).date
    if low < high:
        assert add_working_days(start, low).date < add_working_days(start, high).date


@pytest.mark.django_db
@prop
@given(start=dates, n=st.integers(min_value=1, max_value=30), offset=days, length=days)
def test_a_pause_extends_by_exactly_its_working_days(start, n, offset, length):
    """A pause inside the period moves the due date by the working days it covers."""
    pause_start = start + datetime.timedelta(days=offset)
    pause_end = pause_start + datetime.timedelta(days=length)
    paused = working_days_between(pause_start, pause_end)
    due = add_working_days(start, n).date
    extended = add_working_days(start, n + paused).date
    assert working_days_between(due, extended) == paused
    assert extended == add_working_days(due, paused).date


@pytest.mark.django_db
@pytest.mark.parametrize(
    "received, expected",
    [
        (D(2025, 1, 24), D(2025, 2, 20)),  # Spring Festival 2025, make-up Sun 1-26 and Sat 2-8
        (D(2025, 9, 26), D(2025, 10, 23)),  # National Day 2025, make-up Sun 9-28 and Sat 10-11
        (D(2026, 2, 13), D(2026, 3, 12)),  # Spring Festival 2026, make-up Sat 2-14 and Sat 2-28
        (D(2026, 9, 24), D(2026, 10, 22)),  # Mid-Autumn 9-25 and National Day 2026
        (D(2026, 10, 3), D(2026, 10, 27)),  # received on a holiday: counts from 10-8
    ],
)
def test_fifteen_working_days_across_holidays(received, expected):
    deadline = add_working_days(received, 15)
    assert deadline.date == expected
    assert not deadline.is_provisional


@pytest.mark.django_db
def test_working_days_command(capsys):
    call_command("working_days", "add", "2025-09-28", "20")
    call_command("working_days", "between", "2025-09-28", "2025-10-31")
    out = capsys.readouterr().out.split()
    assert out == ["2025-10-31", "20"]


@pytest.mark.django_db
def test_working_days_command_warns_for_unknown_year(capsys):
    call_command("working_days", "add", "2026-12-20", "15")
    captured = capsys.readouterr()
    assert captured.out.strip() == "2027-01-08"
    assert "2027年节假日安排尚未录入" in captured.err


@pytest.mark.django_db
def test_working_days_command_rejects_bad_dates():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="日期格式"):
        call_command("working_days", "add", "2025-13-01", "5")
