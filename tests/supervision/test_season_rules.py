"""Seasonal and periodic items at their edges (item 7: admissions charter, March to August;
item 6: annual report, due 31 October), and event records of a retired item."""

import pytest

from xxgk.supervision.charts import obligation_rows_html
from xxgk.supervision.obligations import Status
from xxgk.supervision.selectors import obligation_set

from .conftest import SCHOOL_YEAR, d, only, retire

pytestmark = pytest.mark.django_db


def described(obligation):
    """What the dashboard's row says of an obligation: which, for when, by when, how."""
    return (obligation.key, obligation.label, obligation.deadline, obligation.status)


def test_a_disclosure_on_the_day_the_season_opens_is_in_season(dept_a, responsible, publish):
    item = responsible("7", dept_a)
    publish(item, dept_a, d("2022-03-01"))
    obligation = only(obligation_set(SCHOOL_YEAR, today=d("2022-09-05")))
    assert (obligation.status, obligation.satisfied_on) == (Status.ON_TIME, d("2022-03-01"))
    assert (obligation.key, obligation.label) == ("seasonal:2022", "2022年3月至2022年8月")


def test_a_season_of_one_month_opens_and_closes_in_that_month(dept_a, responsible, publish):
    item = responsible("7", dept_a)
    item.season_start_month = item.season_end_month = 6
    item.save()
    publish(item, dept_a, d("2022-06-15"))
    assert described(only(obligation_set(SCHOOL_YEAR, today=d("2022-08-01")))) == (
        "seasonal:2022",
        "2022年6月至2022年6月",
        d("2022-06-30"),
        Status.ON_TIME,
    )


def test_nothing_is_due_before_the_season_opens_and_the_reminder_window_starts_with_it(
    settings, dept_a, responsible
):
    """A one-month season and an office that reminds 25 working days ahead: the day before
    June nothing is due yet; on 1 June the close (30 June, 21 working days on) is near."""
    settings.XXGK_SUPERVISION_REMIND_DAYS = 25
    item = responsible("7", dept_a)
    item.season_start_month = item.season_end_month = 6
    item.save()
    assert only(obligation_set(SCHOOL_YEAR, today=d("2022-05-31"))).status == Status.PENDING
    assert only(obligation_set(SCHOOL_YEAR, today=d("2022-06-01"))).status == Status.DUE_SOON


def test_a_late_disclosure_counts_until_the_day_before_the_next_season_opens(
    dept_a, dept_b, responsible, publish
):
    item = responsible("7", dept_a, dept_b)
    publish(item, dept_a, d("2023-02-28"))
    publish(item, dept_b, d("2023-03-01"))  # the first day of the 2023 season
    result = obligation_set(SCHOOL_YEAR, today=d("2023-03-05"))
    late = only(result, dept_a)
    assert (late.status, late.satisfied_on) == (Status.LATE, d("2023-02-28"))
    missed = only(result, dept_b)
    assert (missed.status, missed.satisfied_on, missed.since) == (
        Status.OVERDUE,
        None,
        d("2022-09-01"),
    )


def test_a_disclosure_the_day_after_the_close_is_late_on_that_very_day(
    dept_a, responsible, publish
):
    item = responsible("7", dept_a)
    publish(item, dept_a, d("2022-09-01"))
    obligation = only(obligation_set(SCHOOL_YEAR, today=d("2022-09-01")))
    assert (obligation.status, obligation.satisfied_on) == (Status.LATE, d("2022-09-01"))


def test_a_seasonal_item_retired_on_the_day_its_season_opens_owes_nothing_that_season(
    dept_a, responsible
):
    item = responsible("7", dept_a)
    retire(item, d("2022-03-01"))
    assert obligation_set(SCHOOL_YEAR, today=d("2022-09-05")).obligations == []
    retire(item, d("2022-03-02"))
    assert only(obligation_set(SCHOOL_YEAR, today=d("2022-09-05"))).status == Status.NEVER


def test_a_periodic_item_retired_on_its_due_date_owes_nothing_that_year(dept_a, responsible):
    item = responsible("6", dept_a)
    retire(item, d("2021-10-31"))
    assert obligation_set(SCHOOL_YEAR, today=d("2022-08-01")).obligations == []
    retire(item, d("2021-11-01"))
    assert described(only(obligation_set(SCHOOL_YEAR, today=d("2022-08-01")))) == (
        "periodic:2021",
        "2021年度",
        d("2021-10-31"),
        Status.NEVER,
    )


def test_information_recorded_after_retirement_does_not_hide_what_was_recorded_before(
    dept_a, editor_a, responsible
):
    from xxgk.supervision.services import record_pending

    item = responsible("2", dept_a)
    record_pending(user=editor_a, item=item, title="停用后形成的信息", formed_on=d("2022-05-12"))
    record_pending(user=editor_a, item=item, title="新修订的学校章程", formed_on=d("2022-03-01"))
    retire(item, d("2022-05-10"))
    result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
    assert [(o.label, o.status) for o in result.obligations] == [
        ("新修订的学校章程", Status.OVERDUE)
    ]


def test_a_disclosures_own_obligation_is_listed_under_its_item_and_formation_date(
    dept_a, responsible, publish
):
    """It has no name of its own: the row shows a dash and the date the information formed."""
    item = responsible("2", dept_a)
    publish(item, dept_a, d("2022-03-10"), formed_on=d("2022-03-01"))
    result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
    html = obligation_rows_html(result.obligations)
    assert "<td>—<br><small>信息形成于 2022-03-01</small></td>" in html
