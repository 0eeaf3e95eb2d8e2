"""Event items (e.g. item 2, the school's charter: public within 20 working days of forming),
one rule a test, on the evaluator alone: no database, the bundled 2022 calendar.

Dates counted by hand on the 2022 calendar: 1 March 2022 is a Tuesday and no holiday falls
in March, so the 20th working day after it is 29 March.
"""

import datetime

import pytest

from xxgk.supervision.obligations import (
    Evaluator,
    PairHistory,
    Pending,
    Publication,
    Rule,
    Segment,
    Status,
)
from xxgk.supervision.periods import Period
from xxgk.workdays.calendar import WorkCalendar

SCHOOL_YEAR = Period.school_year(2021)  # 1 September 2021 – 31 August 2022
FORMED = datetime.date(2022, 3, 1)
DEADLINE = datetime.date(2022, 3, 29)
AFTER_THE_YEAR = datetime.date(2022, 10, 1)
CHARTER = Rule(item_id=2, kind="event", working_days=20)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def evaluate(history, *, today=AFTER_THE_YEAR, rule=CHARTER, own_events=True):
    calendar = WorkCalendar(start=d("2021-01-01"), end=d("2023-12-31"))
    evaluator = Evaluator(SCHOOL_YEAR, today, calendar, due_soon_days=5, own_events=own_events)
    return evaluator.event(7, rule, history)


def published(pk, on, formed_on=FORMED):
    return Publication(pk=pk, date=d(on) if isinstance(on, str) else on, formed_on=formed_on)


def recorded(pk, formed_on=FORMED, disclosure_id=None, title="新修订的学校章程"):
    return Pending(pk=pk, title=title, formed_on=formed_on, disclosure_id=disclosure_id)


def summary(obligations):
    return [(o.key, o.status, o.deadline, o.satisfied_on, o.disclosure_id) for o in obligations]


@pytest.mark.parametrize(
    ("formed_on", "owed"),
    [
        (d("2021-08-31"), False),  # the day before the school year
        (d("2021-09-01"), True),  # its first day
        (d("2022-08-31"), True),  # its last day
        (d("2022-09-01"), False),  # the next year's first day
    ],
)
def test_only_information_formed_within_the_period_is_owed_in_it(formed_on, owed):
    from_a_record = evaluate(PairHistory(pending=[recorded(1, formed_on=formed_on)]))
    from_a_disclosure = evaluate(PairHistory(publications=[published(5, "2022-09-02", formed_on)]))
    assert bool(from_a_record) is owed
    assert bool(from_a_disclosure) is owed


@pytest.mark.parametrize(("formed_on", "owed"), [(d("2022-05-09"), True), (d("2022-05-10"), False)])
def test_information_formed_on_or_after_the_retirement_day_is_not_owed(formed_on, owed):
    retired = Rule(item_id=2, kind="event", working_days=20, retired_on=d("2022-05-10"))
    from_a_record = evaluate(PairHistory(pending=[recorded(1, formed_on=formed_on)]), rule=retired)
    from_a_disclosure = evaluate(
        PairHistory(publications=[published(5, "2022-05-20", formed_on)]), rule=retired
    )
    assert bool(from_a_record) is owed
    assert bool(from_a_disclosure) is owed


def test_a_disclosure_published_on_its_deadline_is_on_time_and_the_day_after_late():
    history = PairHistory(
        publications=[published(5, DEADLINE), published(6, DEADLINE + datetime.timedelta(1))]
    )
    assert summary(evaluate(history)) == [
        ("event:page:5", Status.ON_TIME, DEADLINE, DEADLINE, 5),
        ("event:page:6", Status.LATE, DEADLINE, d("2022-03-30"), 6),
    ]


def test_an_item_without_working_days_is_due_the_day_the_information_forms():
    no_days = Rule(item_id=2, kind="event", working_days=None)
    history = PairHistory(
        publications=[published(5, FORMED), published(6, "2022-03-02")],
        pending=[recorded(1, formed_on=d("2022-03-04"))],
    )
    assert summary(evaluate(history, rule=no_days)) == [
        ("event:pending:1", Status.OVERDUE, d("2022-03-04"), None, None),
        ("event:page:5", Status.ON_TIME, FORMED, FORMED, 5),
        ("event:page:6", Status.LATE, FORMED, d("2022-03-02"), 6),
    ]


def test_a_record_is_settled_by_the_disclosure_it_names():
    history = PairHistory(
        publications=[published(5, "2022-03-02"), published(6, "2022-04-01")],
        pending=[recorded(1, disclosure_id=6)],
    )
    assert summary(evaluate(history)) == [
        # The named disclosure settles the record, late; the other one is owed on its own.
        ("event:pending:1", Status.LATE, DEADLINE, d("2022-04-01"), 6),
        ("event:page:5", Status.ON_TIME, DEADLINE, d("2022-03-02"), 5),
    ]


def test_records_without_a_link_take_the_same_day_disclosures_one_each():
    history = PairHistory(
        publications=[
            published(5, "2022-03-10"),
            published(6, "2022-03-11"),
            published(7, "2022-03-12", formed_on=d("2022-03-02")),
        ],
        pending=[recorded(1), recorded(2, title="第二项"), recorded(3, title="第三项")],
    )
    obligations = evaluate(history)
    assert summary(obligations) == [
        ("event:pending:1", Status.ON_TIME, DEADLINE, d("2022-03-10"), 5),
        ("event:pending:2", Status.ON_TIME, DEADLINE, d("2022-03-11"), 6),
        # Nothing left that formed that day: the disclosure of 2 March does not count.
        ("event:pending:3", Status.OVERDUE, DEADLINE, None, None),
        ("event:page:7", Status.ON_TIME, d("2022-03-30"), d("2022-03-12"), 7),
    ]
    assert [(o.label, o.pending_id, o.formed_on) for o in obligations[:3]] == [
        ("新修订的学校章程", 1, FORMED),
        ("第二项", 2, FORMED),
        ("第三项", 3, FORMED),
    ]


@pytest.mark.parametrize(
    ("today", "status", "since"),
    [
        (d("2022-03-21"), Status.PENDING, None),  # six working days left
        (d("2022-03-22"), Status.DUE_SOON, None),  # five left: due soon
        (DEADLINE, Status.DUE_SOON, None),  # the last day is not overdue yet
        (d("2022-03-30"), Status.OVERDUE, d("2022-03-30")),
    ],
)
def test_an_unpublished_record_is_pending_due_soon_then_overdue(today, status, since):
    (obligation,) = evaluate(PairHistory(pending=[recorded(1)]), today=today)
    assert (obligation.status, obligation.since) == (status, since)


def test_an_unpublished_record_is_overdue_not_never_even_with_nothing_published():
    """ "从未公开" speaks of a department that published nothing under an item at all; a record
    says the department knows the information exists, so it is plainly overdue."""
    (obligation,) = evaluate(PairHistory(pending=[recorded(1)]))
    assert obligation.status == Status.OVERDUE


def test_disclosures_counted_elsewhere_are_not_owed_again():
    history = PairHistory(
        publications=[published(5, "2022-03-02"), published(6, "2022-03-03")],
        pending=[recorded(1, disclosure_id=6)],
    )
    assert summary(evaluate(history, own_events=False)) == [
        ("event:pending:1", Status.ON_TIME, DEADLINE, d("2022-03-03"), 6)
    ]


def test_a_disclosure_without_a_forming_date_owes_nothing_as_an_event():
    assert evaluate(PairHistory(publications=[published(5, "2022-03-02", formed_on=None)])) == []


def test_an_obligation_names_its_department_and_item():
    (obligation,) = evaluate(PairHistory(pending=[recorded(1)]))
    assert (obligation.department_id, obligation.item_id, obligation.kind) == (7, 2, "event")


@pytest.mark.parametrize(
    ("day", "published"),
    [(d("2022-03-09"), False), (d("2022-03-10"), True), (d("2022-03-11"), True)],
)
def test_a_department_has_published_from_the_day_of_its_first_disclosure(day, published):
    history = PairHistory(
        segments=[Segment(start=d("2022-01-01"), first=d("2022-03-10"), last=d("2022-03-20"))]
    )
    assert history.published_by(day) is published
    assert PairHistory().published_by(day) is False
