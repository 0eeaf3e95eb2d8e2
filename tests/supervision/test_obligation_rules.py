"""Boundary days of the obligations, one rule a test (item 2: event, 20 working days; item
21: continuous, refreshed every 12 months)."""

import pytest

from xxgk.supervision.obligations import Status, worst
from xxgk.supervision.selectors import obligation_set

from .conftest import SCHOOL_YEAR, d, retire

pytestmark = pytest.mark.django_db

FORMED = d("2022-03-01")
DEADLINE = d("2022-03-29")  # 20 working days after 1 March 2022 (no holiday between)


def by_formation(result):
    return {o.formed_on: o for o in result.obligations}


def test_a_disclosure_published_exactly_on_its_deadline_is_on_time(dept_a, responsible, publish):
    item = responsible("2", dept_a)
    publish(item, dept_a, DEADLINE, formed_on=FORMED)
    publish(item, dept_a, d("2022-03-30"), formed_on=d("2022-02-28"))  # 28 Mar is its last day
    result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
    obligations = by_formation(result)
    assert obligations[FORMED].deadline == DEADLINE
    assert obligations[FORMED].status == Status.ON_TIME
    assert obligations[d("2022-02-28")].status == Status.LATE


def test_recorded_information_published_exactly_on_its_deadline_is_on_time(
    dept_a, editor_a, responsible, publish
):
    from xxgk.supervision.services import record_pending

    item = responsible("2", dept_a)
    record_pending(user=editor_a, item=item, title="新修订的学校章程", formed_on=FORMED)
    publish(item, dept_a, DEADLINE, formed_on=FORMED)
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-04-10")).obligations
    assert (obligation.status, obligation.satisfied_on) == (Status.ON_TIME, DEADLINE)


def test_an_item_no_longer_binds_on_its_retirement_day(dept_a, responsible, publish):
    item = responsible("2", dept_a)
    publish(item, dept_a, d("2022-05-20"), formed_on=d("2022-05-09"))
    publish(item, dept_a, d("2022-05-20"), formed_on=d("2022-05-10"))
    retire(item, d("2022-05-10"))
    result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
    assert [o.formed_on for o in result.obligations] == [d("2022-05-09")]


def test_a_continuous_item_exactly_at_its_freshness_limit_is_not_stale(
    dept_a, responsible, publish
):
    item = responsible("21", dept_a)
    publish(item, dept_a, d("2021-03-01"))
    at_limit = obligation_set(SCHOOL_YEAR, today=d("2022-03-01")).obligations
    assert [(o.deadline, o.status) for o in at_limit] == [(d("2022-03-01"), Status.DUE_SOON)]
    next_day = obligation_set(SCHOOL_YEAR, today=d("2022-03-02")).obligations
    assert [(o.status, o.since) for o in next_day] == [(Status.STALE, d("2022-03-02"))]


def test_each_of_two_responsible_departments_owes_its_own_disclosure(
    dept_a, dept_b, responsible, publish
):
    item = responsible("21", dept_a, dept_b)
    publish(item, dept_a, d("2022-01-10"))
    result = obligation_set(SCHOOL_YEAR, today=d("2022-03-01"))
    statuses = {o.department_id: o.status for o in result.obligations}
    assert statuses == {dept_a.pk: Status.ON_TIME, dept_b.pk: Status.NEVER}


def test_a_continuous_item_goes_stale_after_its_own_freshness_period(dept_a, responsible, publish):
    """The office may set an item's freshness period; six months means stale after six."""
    item = responsible("21", dept_a)
    item.freshness_months = 6
    item.save()
    publish(item, dept_a, d("2021-09-01"))
    (at_limit,) = obligation_set(SCHOOL_YEAR, today=d("2022-03-01")).obligations
    assert (at_limit.deadline, at_limit.status) == (d("2022-03-01"), Status.DUE_SOON)
    (next_day,) = obligation_set(SCHOOL_YEAR, today=d("2022-03-02")).obligations
    assert (next_day.status, next_day.since) == (Status.STALE, d("2022-03-02"))


def test_the_worst_status_is_the_most_severe_not_the_first_by_name():
    """A matrix cell takes the colour of its worst obligation: stale content outranks a
    deadline coming up, whatever the statuses are called."""
    assert worst([Status.ON_TIME, Status.DUE_SOON, Status.STALE, Status.LATE]) == Status.STALE
    assert worst([Status.PENDING, Status.NEVER]) == Status.NEVER
    assert worst([]) is None


def test_information_recorded_before_the_period_does_not_hide_what_was_recorded_in_it(
    dept_a, editor_a, responsible
):
    from xxgk.supervision.services import record_pending

    item = responsible("2", dept_a)
    record_pending(user=editor_a, item=item, title="上学年的章程修订", formed_on=d("2021-08-16"))
    record_pending(user=editor_a, item=item, title="新修订的学校章程", formed_on=FORMED)
    result = obligation_set(SCHOOL_YEAR, today=d("2022-09-15"), detail=True)
    assert [(o.formed_on, o.status) for o in result.obligations] == [(FORMED, Status.OVERDUE)]
