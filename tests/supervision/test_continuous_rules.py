"""Continuous items (常态公开, item 21: refreshed every 12 months): what the office is told
when content is missing or goes stale, and how a retired item is judged."""

import pytest

from xxgk.supervision.models import ActionKind, SupervisionAction
from xxgk.supervision.obligations import Status
from xxgk.supervision.selectors import obligation_set
from xxgk.supervision.services import run_supervision

from .conftest import SCHOOL_YEAR, d, retire

pytestmark = pytest.mark.django_db


@pytest.fixture
def escalate_after_three(settings):
    settings.XXGK_SUPERVISION_REMIND_DAYS = 5
    settings.XXGK_SUPERVISION_ESCALATE_DAYS = 3


def actions():
    return [(a.kind, a.obligation_key, a.message) for a in SupervisionAction.objects.order_by("pk")]


def test_content_never_published_is_urged_and_escalated_as_missing(
    escalate_after_three, dept_a, editor_a, responsible
):
    responsible("21", dept_a)
    run_supervision(today=d("2022-03-10"))
    (urging, escalation) = actions()
    assert urging[:2] == (ActionKind.URGING, "continuous:none")
    assert escalation[:2] == (ActionKind.ESCALATION, "continuous:none")
    assert "（每12个月更新）至今从未公开" in urging[2]
    # On the dashboard, content never published was due when the period began.
    (never,) = obligation_set(SCHOOL_YEAR, today=d("2022-03-10")).obligations
    assert (never.status, never.deadline, never.since) == (
        Status.NEVER,
        SCHOOL_YEAR.start,
        SCHOOL_YEAR.start,
    )


def test_content_that_goes_stale_again_after_an_update_is_urged_again(
    escalate_after_three, dept_a, editor_a, responsible, publish
):
    """Each lapse is its own obligation, named by the update it follows: an urging sent for
    last year's lapse does not silence this year's."""
    item = responsible("21", dept_a)
    publish(item, dept_a, d("2021-03-01"))
    run_supervision(today=d("2022-03-10"))
    first = actions()
    assert [a[:2] for a in first] == [
        (ActionKind.URGING, "continuous:2021-03-01"),
        (ActionKind.ESCALATION, "continuous:2021-03-01"),
    ]
    assert "（每12个月更新（上次 2021-03-01））自 2022-03-02 起未按期更新" in first[0][2]

    publish(item, dept_a, d("2022-03-15"))
    run_supervision(today=d("2022-03-20"))
    assert actions() == first
    run_supervision(today=d("2023-03-20"))
    assert [a[:2] for a in actions()[2:]] == [
        (ActionKind.URGING, "continuous:2022-03-15"),
        (ActionKind.ESCALATION, "continuous:2022-03-15"),
    ]


def test_a_continuous_obligation_is_satisfied_by_the_last_update(dept_a, responsible, publish):
    item = responsible("21", dept_a)
    publish(item, dept_a, d("2021-06-01"))
    publish(item, dept_a, d("2021-12-01"))
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-05-01")).obligations
    assert (obligation.status, obligation.satisfied_on, obligation.deadline) == (
        Status.ON_TIME,
        d("2021-12-01"),
        d("2022-12-01"),
    )
    assert obligation.label == "每12个月更新（上次 2021-12-01）"


def test_a_retired_continuous_item_is_judged_as_it_stood_the_day_before_retirement(
    dept_a, responsible, publish
):
    """Content fresh on the last day the item bound is not stale later in the period."""
    item = responsible("21", dept_a)
    publish(item, dept_a, d("2021-03-01"))  # stale from 2 March 2022
    retire(item, d("2022-03-02"))
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-06-01")).obligations
    assert (obligation.status, obligation.since) == (Status.ON_TIME, None)

    retire(item, d("2022-03-03"))
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-06-01")).obligations
    assert (obligation.status, obligation.since) == (Status.STALE, d("2022-03-02"))


def test_a_continuous_item_retired_on_the_first_day_of_the_period_binds_in_no_part_of_it(
    dept_a, responsible, publish
):
    item = responsible("21", dept_a)
    retire(item, SCHOOL_YEAR.start)
    assert obligation_set(SCHOOL_YEAR, today=d("2022-06-01")).obligations == []

    retire(item, d("2021-09-02"))  # binds on its first day only: nothing was published
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-06-01")).obligations
    assert (obligation.status, obligation.since) == (Status.NEVER, SCHOOL_YEAR.start)


def test_a_continuous_item_saved_without_its_period_is_taken_as_yearly(
    dept_a, responsible, publish
):
    """The form requires the period; data loaded around the form may lack it."""
    item = responsible("21", dept_a)
    publish(item, dept_a, d("2021-06-01"))
    type(item).objects.filter(pk=item.pk).update(freshness_months=None)
    (obligation,) = obligation_set(SCHOOL_YEAR, today=d("2022-05-01")).obligations
    assert (obligation.deadline, obligation.label) == (
        d("2022-06-01"),
        "每12个月更新（上次 2021-06-01）",
    )
