"""Obligation status for each rule kind, with `today` passed explicitly (no wall clock)."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import DepartmentFactory
from xxgk.supervision.obligations import Status
from xxgk.supervision.periods import Period
from xxgk.supervision.selectors import compliance_matrix, monthly_trend, obligation_set
from xxgk.supervision.services import record_pending
from xxgk.workdays.calendar import add_working_days

from .conftest import SCHOOL_YEAR, d, only, retire

pytestmark = pytest.mark.django_db


def statuses(result, department=None):
    return [
        (o.item.item_number, o.key, o.status)
        for o in result.obligations
        if department is None or o.department_id == department.pk
    ]


class TestEvent:
    def test_published_within_working_days_is_on_time_and_after_is_late(
        self, dept_a, responsible, publish
    ):
        item = responsible("2", dept_a)
        on_time = publish(item, dept_a, d("2021-10-20"), formed_on=d("2021-10-08"))
        late = publish(item, dept_a, d("2022-03-30"), formed_on=d("2022-01-04"))
        result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
        by_disclosure = {o.disclosure_id: o for o in result.obligations}
        assert by_disclosure[on_time.pk].status == Status.ON_TIME
        assert by_disclosure[late.pk].status == Status.LATE
        assert by_disclosure[late.pk].deadline == add_working_days(d("2022-01-04"), 20).date

    def test_deadline_skips_national_day_and_counts_make_up_workdays(
        self, dept_a, responsible, publish
    ):
        """Formed 2021-09-28: the 2021 National Day holiday (1-7 Oct) does not count, the
        make-up Saturday 9 October does; the deadline matches the workdays engine."""
        item = responsible("2", dept_a)
        publish(item, dept_a, d("2021-10-26"), formed_on=d("2021-09-28"))
        obligation = only(obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True))
        assert obligation.deadline == add_working_days(d("2021-09-28"), 20).date
        assert obligation.deadline == d("2021-11-01")
        assert obligation.status == Status.ON_TIME

    def test_recorded_pending_information_is_due_soon_then_overdue_then_settled(
        self, dept_a, editor_a, responsible, publish
    ):
        item = responsible("2", dept_a)
        record = record_pending(
            user=editor_a, item=item, title="新修订的学校章程", formed_on=d("2022-03-01")
        )
        deadline = add_working_days(d("2022-03-01"), 20).date  # 2022-03-29
        early = obligation_set(SCHOOL_YEAR, today=d("2022-03-10"))
        assert only(early).status == Status.PENDING
        assert only(obligation_set(SCHOOL_YEAR, today=d("2022-03-24"))).status == Status.DUE_SOON
        overdue = only(obligation_set(SCHOOL_YEAR, today=d("2022-04-06")))
        assert (overdue.status, overdue.since) == (
            Status.OVERDUE,
            deadline + (d("2022-01-02") - d("2022-01-01")),
        )
        assert overdue.pending_id == record.pk
        # Publishing with the same formation date settles it (late), and the disclosure
        # does not count a second time as an obligation of its own.
        publish(item, dept_a, d("2022-04-08"), formed_on=d("2022-03-01"))
        settled = only(obligation_set(SCHOOL_YEAR, today=d("2022-04-10")))
        assert (settled.status, settled.satisfied_on) == (Status.LATE, d("2022-04-08"))

    def test_retired_item_binds_only_before_retirement(self, dept_a, responsible, publish):
        item = responsible("2", dept_a)
        publish(item, dept_a, d("2021-10-20"), formed_on=d("2021-10-08"))
        publish(item, dept_a, d("2022-05-20"), formed_on=d("2022-05-10"))
        retire(item, d("2022-01-01"))
        result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
        assert [o.formed_on for o in result.obligations] == [d("2021-10-08")]


class TestPeriodic:
    def test_budget_on_time_late_overdue_and_never(self, dept_a, dept_b, responsible, publish):
        item = responsible("19", dept_a, dept_b)  # budget, due 30 April
        publish(item, dept_a, d("2022-04-28"))
        publish(item, dept_b, d("2021-03-01"))  # only last year's
        result = obligation_set(SCHOOL_YEAR, today=d("2022-05-10"))
        assert only(result, dept_a).status == Status.ON_TIME
        overdue = only(result, dept_b)
        assert (overdue.status, overdue.deadline, overdue.since) == (
            Status.OVERDUE,
            d("2022-04-30"),
            d("2022-05-01"),
        )
        publish(item, dept_b, d("2022-05-09"))
        assert only(obligation_set(SCHOOL_YEAR, today=d("2022-05-10")), dept_b).status == (
            Status.LATE
        )
        dept_c = DepartmentFactory()
        responsible("19", dept_a, dept_b, dept_c)
        assert only(obligation_set(SCHOOL_YEAR, today=d("2022-05-10")), dept_c).status == (
            Status.NEVER
        )

    def test_annual_report_due_soon_counts_working_days(self, dept_a, responsible):
        responsible("6", dept_a)  # annual report, due 31 October
        period = Period(d("2022-09-01"), d("2022-12-31"))
        # 24 Oct 2022 (Mon) to 31 Oct (Mon): 5 working days → due soon with N=5.
        assert only(obligation_set(period, today=d("2022-10-24"))).status == Status.DUE_SOON
        assert only(obligation_set(period, today=d("2022-10-21"))).status == Status.PENDING

    def test_next_years_on_time_report_is_not_taken_as_this_years_late_one(
        self, dept_a, responsible, publish
    ):
        item = responsible("6", dept_a)
        publish(item, dept_a, d("2022-10-20"))  # the 2022 report, on time
        result = obligation_set(Period(d("2021-09-01"), d("2021-12-31")), today=d("2022-11-30"))
        assert only(result).status == Status.OVERDUE

    def test_the_day_halfway_between_due_dates_counts_toward_the_earlier_year(
        self, dept_a, dept_b, responsible, publish
    ):
        item = responsible("19", dept_a, dept_b)  # due 30 April: halfway is 29 October
        publish(item, dept_a, d("2021-10-29"))
        publish(item, dept_b, d("2021-10-30"))
        result = obligation_set(SCHOOL_YEAR, today=d("2022-05-10"))
        assert only(result, dept_a).status == Status.OVERDUE
        assert only(result, dept_b).status == Status.ON_TIME


class TestSeasonal:
    def test_admissions_season(self, dept_a, item_a, publish):
        # item 7: admissions charter, March to August.
        result = obligation_set(SCHOOL_YEAR, today=d("2022-02-01"))
        assert only(result).status == Status.PENDING
        assert only(obligation_set(SCHOOL_YEAR, today=d("2022-08-25"))).status == Status.DUE_SOON
        assert only(obligation_set(SCHOOL_YEAR, today=d("2022-09-05"))).status == Status.NEVER
        publish(item_a, dept_a, d("2022-05-20"))
        settled = only(obligation_set(SCHOOL_YEAR, today=d("2022-09-05")))
        assert (settled.status, settled.deadline) == (Status.ON_TIME, d("2022-08-31"))

    def test_season_across_new_year(self, dept_a, responsible, publish):
        item = responsible("11", dept_a)  # graduate admissions, September to May
        publish(item, dept_a, d("2021-10-10"))
        obligation = only(obligation_set(SCHOOL_YEAR, today=d("2022-08-01")))
        assert (obligation.key, obligation.deadline, obligation.status) == (
            "seasonal:2021",
            d("2022-05-31"),
            Status.ON_TIME,
        )

    def test_last_day_of_the_season_is_on_time_and_the_next_late(
        self, dept_a, dept_b, responsible, publish
    ):
        item = responsible("7", dept_a, dept_b)  # March to August
        publish(item, dept_a, d("2022-08-31"))
        publish(item, dept_b, d("2022-09-01"))
        result = obligation_set(SCHOOL_YEAR, today=d("2022-09-05"))
        assert only(result, dept_a).status == Status.ON_TIME
        assert (only(result, dept_b).status, only(result, dept_b).satisfied_on) == (
            Status.LATE,
            d("2022-09-01"),
        )


class TestContinuous:
    def test_fresh_stale_and_never(self, dept_a, dept_b, responsible, publish):
        item = responsible("21", dept_a, dept_b)  # fees, refreshed every 12 months
        publish(item, dept_a, d("2020-06-15"))
        result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"))
        stale = only(result, dept_a)
        assert (stale.status, stale.since) == (Status.STALE, d("2021-06-16"))
        assert only(result, dept_b).status == Status.NEVER
        publish(item, dept_a, d("2022-03-01"))
        fresh = only(obligation_set(SCHOOL_YEAR, today=d("2022-09-15")), dept_a)
        assert (fresh.status, fresh.deadline) == (Status.ON_TIME, d("2023-03-01"))
        due = only(obligation_set(SCHOOL_YEAR, today=d("2023-02-24")), dept_a)
        assert due.status == Status.ON_TIME  # past period: judged at its end
        current = Period.school_year(2022)
        assert only(obligation_set(current, today=d("2023-02-24")), dept_a).status == (
            Status.DUE_SOON
        )


def test_department_without_editor_still_has_obligations(responsible):
    lonely = DepartmentFactory(name="无信息员部门")
    responsible("6", lonely)
    assert only(obligation_set(SCHOOL_YEAR, today=d("2022-11-30"))).status == Status.NEVER


def test_matrix_cell_shows_worst_status(dept_a, responsible, publish):
    responsible("2", dept_a)
    item = responsible("5", dept_a)
    publish(item, dept_a, d("2021-10-20"), formed_on=d("2021-10-08"))
    responsible("6", dept_a)
    rows = compliance_matrix(obligation_set(SCHOOL_YEAR, today=d("2022-11-30")))
    row = next(r for r in rows if r["department"] == dept_a)
    category_1 = row["cells"][0]
    assert category_1["status"] == Status.NEVER
    assert "从未公开 1" in category_1["summary"] and "按时公开 1" in category_1["summary"]
    assert row["cells"][1]["label"] == "无要求"


def test_summary_counts_match_the_detailed_listing(dept_a, dept_b, editor_a, responsible, publish):
    """The dashboard counts settled event obligations in SQL; the figures must be those of
    the one-by-one evaluation, including disclosures matched to recorded information."""
    item = responsible("2", dept_a, dept_b)
    publish(item, dept_a, d("2021-10-20"), formed_on=d("2021-10-08"))  # on time
    publish(item, dept_a, d("2022-03-30"), formed_on=d("2022-01-04"))  # late
    publish(item, dept_b, d("2021-12-01"), formed_on=d("2021-11-30"))  # on time
    record_pending(user=editor_a, item=item, title="章程修订", formed_on=d("2022-05-09"))
    publish(item, dept_a, d("2022-05-10"), formed_on=d("2022-05-09"))  # settles the record
    record_pending(user=editor_a, item=item, title="制度汇编", formed_on=d("2022-06-01"))
    # Another department's information of the same day does not settle dept_a's record.
    publish(item, dept_b, d("2022-06-02"), formed_on=d("2022-06-01"))  # on time
    today = d("2022-09-15")
    summary = obligation_set(SCHOOL_YEAR, today=today)
    detail = obligation_set(SCHOOL_YEAR, today=today, detail=True)
    assert summary.status_counts() == detail.status_counts()
    assert detail.status_counts()[Status.ON_TIME] == 4
    assert detail.status_counts()[Status.LATE] == 1
    assert detail.status_counts()[Status.OVERDUE] == 1
    assert compliance_matrix(summary) == compliance_matrix(detail)


def test_unpublished_disclosures_count_nowhere_and_the_trend_is_per_month(
    dept_a, responsible, publish
):
    item = responsible("2", dept_a)
    publish(item, dept_a, d("2021-09-01"), formed_on=d("2021-08-31"))
    publish(item, dept_a, d("2021-09-30"), formed_on=d("2021-09-29"))  # on time
    publish(item, dept_a, d("2022-08-31"), formed_on=d("2022-08-30"))  # on time
    withdrawn = publish(item, dept_a, d("2021-10-15"), formed_on=d("2021-10-14"))
    withdrawn.unpublish()
    trend = monthly_trend(SCHOOL_YEAR, [dept_a])
    assert trend["series"][dept_a.pk] == [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    summary = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"))
    assert (
        summary.status_counts()
        == obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True).status_counts()
    )
    assert summary.status_counts()[Status.ON_TIME] == 2


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2022-09-01", "2022-08-01", "结束日期不能早于开始日期"),
        ("2010-01-01", "2022-08-01", "统计期间最长为五年"),
    ],
)
def test_invalid_periods_are_refused_in_chinese(start, end, message):
    with pytest.raises(ValidationError, match=message):
        Period(d(start), d(end))
