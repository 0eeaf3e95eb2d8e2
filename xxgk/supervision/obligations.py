"""Deriving obligations (who must publish what by when) and their status. No queries here.

One obligation per (department, catalogue item, occasion):

- event items: each piece of information that formed in the period — a published disclosure
  carrying its 信息形成日期, or a PendingInformation record an editor made before
  publishing — must be public within the item's working days;
- periodic items: one per year whose due date (e.g. 31 October) falls in the period; a
  disclosure in the half year before the due date is on time, one in the half year after
  it late (later ones count toward the next year);
- seasonal items: one per season ending in the period; a disclosure within the season;
- continuous items: one per period, judged on the last publication (stale after M months).

Items with two responsible departments give each department its own obligation
(谁公开、谁负责). Retired items bind only before their retirement date.
"""

import datetime
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.models import RuleKind
from xxgk.workdays.calendar import ONE_DAY, WorkCalendar

from .periods import Period, add_months, days_in_month, month_end


class Status(models.TextChoices):
    """Worst first: the matrix colours a cell by the first of these it contains."""

    NEVER = "never", _("从未公开")
    OVERDUE = "overdue", _("逾期未公开")
    STALE = "stale", _("内容陈旧")
    LATE = "late", _("逾期公开")
    DUE_SOON = "due_soon", _("即将到期")
    PENDING = "pending", _("未到期")
    ON_TIME = "on_time", _("按时公开")


ON_TIME, LATE = Status.ON_TIME, Status.LATE  # plain names: looked up per disclosure
SEVERITY = {status: rank for rank, status in enumerate(Status)}
# Statuses that still call for someone to publish something.
OPEN_STATUSES = frozenset({Status.NEVER, Status.OVERDUE, Status.STALE, Status.DUE_SOON})
# Statuses past their deadline without publication (督促 and escalation apply).
FAILING_STATUSES = frozenset({Status.NEVER, Status.OVERDUE, Status.STALE})
# The first segment of every item's publications starts here (see PairHistory).
BEGINNING = datetime.date.min


def status_labels() -> dict:
    """Each status's label in the active language, for pages that show hundreds of them
    (every gettext call walks the chain of catalogues: charts.ChartTexts)."""
    return {status: str(status.label) for status in Status}


def worst(statuses) -> Status | None:
    return min(statuses, key=SEVERITY.__getitem__, default=None)


@dataclass(frozen=True, slots=True)
class Publication:
    pk: int
    date: datetime.date
    formed_on: datetime.date | None


@dataclass(frozen=True)
class Pending:
    pk: int
    title: str
    formed_on: datetime.date
    disclosure_id: int | None


@dataclass(frozen=True)
class Rule:
    """The parts of a CatalogueItemPage the computation needs."""

    item_id: int
    kind: str
    working_days: int | None = None
    due_month: int | None = None
    due_day: int | None = None
    season_start_month: int | None = None
    season_end_month: int | None = None
    freshness_months: int | None = None
    retired_on: datetime.date | None = None

    @classmethod
    def of(cls, item) -> "Rule":
        return cls(
            item_id=item.pk,
            kind=item.rule_kind,
            working_days=item.working_days,
            due_month=item.due_month,
            due_day=item.due_day,
            season_start_month=item.season_start_month,
            season_end_month=item.season_end_month,
            freshness_months=item.freshness_months,
            retired_on=item.retired_on,
        )

    def binds_on(self, day: datetime.date) -> bool:
        return self.retired_on is None or day < self.retired_on


@dataclass(frozen=True, slots=True)
class Segment:
    """The publications of one pair from `start` to the next boundary of its item."""

    start: datetime.date
    first: datetime.date
    last: datetime.date


@dataclass
class PairHistory:
    """What one department published under one item: event publications one by one; for
    the other kinds, segments: the first and last publication date between consecutive
    boundaries of the item, which are those of every date range its evaluation asks about
    (Evaluator.date_bounds), so that each question is answered from whole segments."""

    publications: list[Publication] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    bounds: frozenset = frozenset()
    pending: list[Pending] = field(default_factory=list)

    def published_by(self, day: datetime.date) -> bool:
        """Whether anything was published by `day` (asked of other than event items)."""
        return bool(self.segments) and self.segments[0].first <= day

    def _within(self, start: datetime.date, stop: datetime.date) -> list[Segment]:
        """The segments covering [start, stop), both of which must be boundaries."""
        if not {start, stop} <= self.bounds:
            raise ValueError(f"Dates {start}–{stop} were not among the item's boundaries.")
        starts = [s.start for s in self.segments]
        return self.segments[bisect_left(starts, start) : bisect_left(starts, stop)]

    def last_on_or_before(self, day: datetime.date) -> datetime.date | None:
        return max((s.last for s in self._within(BEGINNING, day + ONE_DAY)), default=None)

    def first_in(self, after: datetime.date, until: datetime.date) -> datetime.date | None:
        """The earliest publication date in (after, until]."""
        return self.first_from(after + ONE_DAY, until)

    def first_from(self, day: datetime.date, until: datetime.date) -> datetime.date | None:
        """The earliest publication date in [day, until]."""
        if until < day:
            return None
        inside = self._within(day, until + ONE_DAY)
        return inside[0].first if inside else None


class DateQuestions:
    """Stands in for a PairHistory to learn the boundaries of the date ranges an item's
    evaluation asks about: every question is answered "nothing published", so that every
    branch that may ask one is taken. The ranges depend on the rule, the period and today,
    not on the department."""

    publications = pending = ()

    def __init__(self):
        self.bounds = {BEGINNING}

    def published_by(self, day: datetime.date) -> bool:
        return False

    def last_on_or_before(self, day: datetime.date) -> None:
        self.bounds.add(day + ONE_DAY)

    def first_in(self, after: datetime.date, until: datetime.date) -> None:
        self.first_from(after + ONE_DAY, until)

    def first_from(self, day: datetime.date, until: datetime.date) -> None:
        if day <= until:
            self.bounds.update((day, until + ONE_DAY))


@dataclass(slots=True)
class Obligation:
    department_id: int
    item_id: int
    kind: str
    key: str
    label: str
    deadline: datetime.date
    status: Status
    formed_on: datetime.date | None = None
    satisfied_on: datetime.date | None = None
    disclosure_id: int | None = None
    pending_id: int | None = None
    # The first day of failure (overdue / stale), for "since when" lists.
    since: datetime.date | None = None
    # Filled in by selectors for display.
    department: object = None
    item: object = None

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_failing(self) -> bool:
        return self.status in FAILING_STATUSES


@dataclass
class Evaluator:
    """Evaluates every rule kind for one period as of one day."""

    period: Period
    today: datetime.date
    calendar: WorkCalendar
    due_soon_days: int
    # False when the caller counts settled event obligations in SQL (see selectors).
    own_events: bool = True

    @staticmethod
    def _new(dept_id, rule: Rule, key: str, label: str, deadline, **fields) -> Obligation:
        fields.setdefault("status", Status.PENDING)
        return Obligation(
            department_id=dept_id,
            item_id=rule.item_id,
            kind=rule.kind,
            key=key,
            label=label,
            deadline=deadline,
            **fields,
        )

    def _due_soon(self, deadline: datetime.date) -> bool:
        """At most `due_soon_days` working days left, i.e. the deadline comes before the
        working day after them (asked this way round, the calendar is read only a few days
        past today however far off the deadline is)."""
        return deadline < self.calendar.add_working_days(self.today, self.due_soon_days + 1)

    def _unsatisfied(self, deadline: datetime.date, history: PairHistory | None) -> tuple:
        """(status, since) for an obligation with nothing published yet. "Never" applies
        when the department has published nothing under the item at all (history given)."""
        if self.today <= deadline:
            if self._due_soon(deadline):
                return Status.DUE_SOON, None
            return Status.PENDING, None
        never = history is not None and not history.published_by(self.today)
        return (Status.NEVER if never else Status.OVERDUE), deadline + ONE_DAY

    def event(self, dept_id, rule: Rule, history: PairHistory) -> list[Obligation]:
        obligations, claimed = [], set()
        days = rule.working_days or 0
        by_pk = {p.pk: p for p in history.publications}
        same_day = defaultdict(list)
        for publication in history.publications:
            if publication.formed_on:
                same_day[publication.formed_on].append(publication)
        for record in history.pending:
            if not (self.period.contains(record.formed_on) and rule.binds_on(record.formed_on)):
                continue
            deadline = self.calendar.add_working_days(record.formed_on, days)
            match = by_pk.get(record.disclosure_id) if record.disclosure_id else None
            if match is None:
                match = next((p for p in same_day[record.formed_on] if p.pk not in claimed), None)
            obligation = self._new(
                dept_id,
                rule,
                f"event:pending:{record.pk}",
                record.title,
                deadline,
                formed_on=record.formed_on,
                pending_id=record.pk,
            )
            if match is not None:
                claimed.add(match.pk)
                self._settle(obligation, match.date, match.pk)
            else:
                # A recorded piece of information is overdue, whatever else was published.
                obligation.status, obligation.since = self._unsatisfied(deadline, None)
            obligations.append(obligation)
        for publication in history.publications if self.own_events else ():
            status = None if publication.pk in claimed else self.own_status(rule, publication)
            if status is not None:
                obligations.append(
                    self._new(
                        dept_id,
                        rule,
                        f"event:page:{publication.pk}",
                        "",
                        self.calendar.add_working_days(publication.formed_on, days),
                        status=status,
                        formed_on=publication.formed_on,
                        satisfied_on=publication.date,
                        disclosure_id=publication.pk,
                    )
                )
        return obligations

    @staticmethod
    def _settle(obligation: Obligation, on: datetime.date, disclosure_id=None) -> None:
        obligation.disclosure_id = disclosure_id
        obligation.satisfied_on = on
        obligation.status = ON_TIME if on <= obligation.deadline else LATE

    def own_status(self, rule: Rule, publication: Publication) -> Status | None:
        """The status a published disclosure has as an event obligation of its own."""
        formed = publication.formed_on
        if formed is None or not (self.period.contains(formed) and rule.binds_on(formed)):
            return None
        deadline = self.calendar.add_working_days(formed, rule.working_days or 0)
        return ON_TIME if publication.date <= deadline else LATE

    def periodic(self, dept_id, rule: Rule, history: PairHistory) -> list[Obligation]:
        def due(year):
            return datetime.date(
                year, rule.due_month, min(rule.due_day, days_in_month(year, rule.due_month))
            )

        def halfway(year):
            """Publications more than half a year after a due date count toward the next."""
            return due(year) + (due(year + 1) - due(year)) / 2

        obligations = []
        for year in range(self.period.start.year, self.period.end.year + 1):
            deadline = due(year)
            if not (self.period.contains(deadline) and rule.binds_on(deadline)):
                continue
            obligation = self._new(
                dept_id,
                rule,
                f"periodic:{year}",
                f"{year}年度",
                deadline,
            )
            match = history.first_in(halfway(year - 1), min(halfway(year), self.today))
            if match is not None:
                self._settle(obligation, match)
            else:
                obligation.status, obligation.since = self._unsatisfied(deadline, history)
            obligations.append(obligation)
        return obligations

    def seasonal(self, dept_id, rule: Rule, history: PairHistory) -> list[Obligation]:
        start_month, end_month = rule.season_start_month, rule.season_end_month

        def season(year):
            end_year = year if end_month >= start_month else year + 1
            return datetime.date(year, start_month, 1), month_end(end_year, end_month)

        obligations = []
        for year in range(self.period.start.year - 1, self.period.end.year + 1):
            opens, closes = season(year)
            if not (self.period.contains(closes) and rule.binds_on(opens)):
                continue
            obligation = self._new(
                dept_id,
                rule,
                f"seasonal:{year}",
                f"{year}年{start_month}月至{closes.year}年{end_month}月",
                closes,
            )
            in_season = history.first_from(opens, closes)
            if in_season is not None:
                self._settle(obligation, in_season)
            elif self.today < opens:
                obligation.status = Status.PENDING
            else:
                late = history.first_in(closes, min(season(year + 1)[0] - ONE_DAY, self.today))
                if late is not None:
                    self._settle(obligation, late)
                else:
                    obligation.status, obligation.since = self._unsatisfied(closes, history)
            obligations.append(obligation)
        return obligations

    def continuous(self, dept_id, rule: Rule, history: PairHistory) -> list[Obligation]:
        as_of = min(self.today, self.period.end)
        if rule.retired_on is not None:
            if rule.retired_on <= self.period.start:
                return []
            as_of = min(as_of, rule.retired_on - ONE_DAY)
        if as_of < self.period.start:
            return []
        last = history.last_on_or_before(as_of)
        months = rule.freshness_months or 12
        if last is None:
            return [
                self._new(
                    dept_id,
                    rule,
                    "continuous:none",
                    f"每{months}个月更新",
                    self.period.start,
                    status=Status.NEVER,
                    since=self.period.start,
                )
            ]
        deadline = add_months(last, months)
        obligation = self._new(
            dept_id,
            rule,
            f"continuous:{last.isoformat()}",
            f"每{months}个月更新（上次 {last:%Y-%m-%d}）",
            deadline,
            status=Status.ON_TIME,
            satisfied_on=last,
        )
        if deadline < as_of:
            obligation.status, obligation.since = Status.STALE, deadline + ONE_DAY
        elif as_of == self.today and self._due_soon(deadline):
            obligation.status = Status.DUE_SOON
        return [obligation]

    def evaluate(self, dept_id, rule: Rule, history: PairHistory) -> list[Obligation]:
        method = {
            RuleKind.EVENT: self.event,
            RuleKind.PERIODIC: self.periodic,
            RuleKind.SEASONAL: self.seasonal,
            RuleKind.CONTINUOUS: self.continuous,
        }[RuleKind(rule.kind)]
        return method(dept_id, rule, history)

    def date_bounds(self, rule: Rule) -> frozenset:
        """The boundaries of the date ranges evaluating `rule` asks about (DateQuestions)."""
        questions = DateQuestions()
        self.evaluate(None, rule, questions)
        return frozenset(questions.bounds)
