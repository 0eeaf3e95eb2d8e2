"""Reads for supervision: obligations with their status, the dashboard, the figures.

Everything the dashboard shows comes from a fixed number of queries (items, pairs,
departments, calendar, pending records, the event disclosures they may match, per-segment
and per-pair aggregates, monthly counts, inspections, actions), whatever the number of
departments or disclosures.
"""

import datetime
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    Expression,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils.translation import get_language, gettext, pgettext

from xxgk.catalogue.models import (
    CatalogueCategoryPage,
    CatalogueChange,
    CatalogueItemPage,
    RuleKind,
)
from xxgk.catalogue.selectors import item_sort_key
from xxgk.catalogue.services import RULE_FIELDS
from xxgk.core.selectors import not_live_pages
from xxgk.disclosures.selectors import live_disclosures
from xxgk.orgs.models import Department
from xxgk.workdays.calendar import ONE_DAY, WorkCalendar
from xxgk.workdays.models import CalendarDay, ConfirmedYear

from .models import (
    ActionKind,
    DailyPublications,
    Inspection,
    InspectionResult,
    Notice,
    PendingInformation,
)
from .models import SupervisionAction as Action
from .obligations import (
    BEGINNING,
    SEVERITY,
    Evaluator,
    Obligation,
    PairHistory,
    Pending,
    Publication,
    Rule,
    Segment,
    Status,
    status_labels,
    worst,
)
from .periods import Period, add_months

CALENDAR_MARGIN_DAYS = 400
DASHBOARD_CACHE_SECONDS = 24 * 3600
# What the computation and the listings read of an item; its long texts stay unloaded.
ITEM_FIELDS = ["item_number", "retired_on", *RULE_FIELDS]


def due_soon_days() -> int:
    return settings.XXGK_SUPERVISION_REMIND_DAYS


@dataclass
class ObligationSet:
    period: Period
    today: datetime.date
    obligations: list[Obligation]
    settled: Counter  # (department id, item id, status) → obligations not listed one by one
    departments: list
    categories: list
    items: dict
    calendar: WorkCalendar
    provisional_years: list[int] = field(default_factory=list)

    def failing(self) -> list[Obligation]:
        rows = [o for o in self.obligations if o.is_failing]
        return sorted(rows, key=lambda o: (o.since, o.department.sort_order, o.department.code))

    def due_soon(self) -> list[Obligation]:
        rows = [o for o in self.obligations if o.status == Status.DUE_SOON]
        return sorted(rows, key=lambda o: o.deadline)

    def status_counts(self) -> dict:
        counts = Counter(o.status for o in self.obligations)
        for (_, _, status), n in self.settled.items():
            counts[status] += n
        return {status: counts.get(status, 0) for status in Status}


def _load_items():
    """Live catalogue items with their category attached, and (item, department) pairs.

    Liveness is asked as for the disclosures (published_disclosures): with .live(), SQLite
    without statistics scanned the whole page table for the 60 items (≈12 ms at 100,000
    disclosures).
    """
    categories = list(
        CatalogueCategoryPage.objects.exclude(pk__in=not_live_pages())
        .only("path", "title", "number")
        .order_by("number")
    )
    by_path = {c.path: c for c in categories}
    queryset = (
        CatalogueItemPage.objects.exclude(pk__in=not_live_pages())
        .only("path", "title", *ITEM_FIELDS)
        .order_by()
    )
    loaded = {}
    for item in queryset:
        item.category = by_path.get(item.path[: -CatalogueItemPage.steplen])
        if item.category is not None:
            loaded[item.pk] = item
    through = CatalogueItemPage.responsible_departments.through
    pairs = through.objects.filter(catalogueitempage_id__in=loaded).values_list(
        "department_id", "catalogueitempage_id"
    )
    return categories, loaded, list(pairs)


def obligation_set(
    period: Period, *, today: datetime.date, department=None, detail: bool | None = None
) -> ObligationSet:
    """Every obligation of the period (of one department, if given), with its status.

    With detail=False (the default for all departments) event obligations already settled by
    a published disclosure are counted in SQL rather than listed one by one: they are the
    bulk of all obligations and can never be overdue, so the dashboard needs only their
    numbers. Open, failing and recorded (PendingInformation) obligations are always listed.
    """
    detail = department is not None if detail is None else detail
    categories, items_by_id, pairs = _load_items()
    if department is not None:
        departments = {department.pk: department}
    else:
        departments = {d.pk: d for d in Department.objects.filter(is_active=True)}
    rules = {pk: Rule.of(item) for pk, item in items_by_id.items()}
    calendar = WorkCalendar.load(
        min(period.start, today) - datetime.timedelta(days=31),
        max(period.end, today) + datetime.timedelta(days=CALENDAR_MARGIN_DAYS),
    )
    evaluator = Evaluator(
        period=period,
        today=today,
        calendar=calendar,
        due_soon_days=due_soon_days(),
        own_events=detail,
    )
    bounds = {
        pk: evaluator.date_bounds(rule) for pk, rule in rules.items() if rule.kind != RuleKind.EVENT
    }
    histories = {
        (dept_id, item_id): PairHistory(bounds=bounds.get(item_id, frozenset()))
        for dept_id, item_id in pairs
        if dept_id in departments
    }
    pending = list(
        PendingInformation.objects.filter(
            cancelled_reason="",
            formed_on__range=(period.start, period.end),
            department_id__in=departments,
        ).values_list("pk", "department_id", "item_id", "title", "formed_on", "disclosure_id")
    )
    for pk, dept_id, item_id, title, formed_on, disclosure_id in pending:
        history = histories.get((dept_id, item_id))
        if history is not None:
            history.pending.append(Pending(pk, title, formed_on, disclosure_id))

    # Rows of other departments or items are skipped in Python: cheaper than long IN lists.
    published = published_disclosures()
    if department is not None:
        published = published.filter(publishing_department=department)
    event_items = {pk for pk, rule in rules.items() if rule.kind == RuleKind.EVENT}
    for pk, dept_id, item_id, published_on, formed_on in _event_rows(
        published, period, event_items, pending, detail=detail
    ):
        history = histories.get((dept_id, item_id))
        if history is not None:
            history.publications.append(Publication(pk, published_on, formed_on))
    # The other items' publications as segments: the first and last publication date
    # between consecutive boundaries of the item, in date order for PairHistory.
    for dept_id, item_id, start, first, last in _segments(published, bounds, histories):
        history = histories.get((dept_id, item_id))
        if history is not None:
            history.segments.append(Segment(start, first, last))
    settled = Counter() if detail else _settled_events(published, evaluator, rules)
    obligations = []
    for (dept_id, item_id), history in histories.items():
        rule = rules[item_id]
        for obligation in evaluator.evaluate(dept_id, rule, history):
            obligation.department = departments[dept_id]
            obligation.item = items_by_id[item_id]
            obligations.append(obligation)
            if not detail and obligation.pending_id and obligation.disclosure_id:
                # The matched disclosure is in the SQL count as its own obligation too.
                match = next(p for p in history.publications if p.pk == obligation.disclosure_id)
                counted = evaluator.own_status(rule, match)
                if counted is not None:
                    settled[(dept_id, item_id, counted)] -= 1
    obligations.sort(
        key=lambda o: (
            o.department.sort_order,
            o.department.code,
            item_sort_key(o.item),
            o.deadline,
        )
    )
    return ObligationSet(
        period=period,
        today=today,
        obligations=obligations,
        settled=+settled,
        departments=sorted(departments.values(), key=lambda d: (d.sort_order, d.code)),
        categories=categories,
        items=items_by_id,
        calendar=calendar,
        provisional_years=sorted(calendar.provisional_years),
    )


def _event_rows(published, period: Period, event_items: set, pending: list, *, detail: bool):
    """(pk, department, item, publication date, formation date) of the event disclosures
    evaluated one by one: all those formed in the period in detail mode, otherwise only
    those that recorded information (`pending` rows) may be matched with: linked to a
    record, or of a record's department, item and formation date. Ordered by publication."""
    wanted = Q(pk__in=[row[5] for row in pending if row[5]])
    if detail:
        wanted |= Q(catalogue_item_id__in=event_items, formed_on__range=(period.start, period.end))
    else:
        recorded = PendingInformation.objects.filter(
            cancelled_reason="",
            formed_on=OuterRef("formed_on"),
            department_id=OuterRef("publishing_department_id"),
            item_id=OuterRef("catalogue_item_id"),
        )
        wanted |= Q(
            Exists(recorded),
            catalogue_item_id__in=event_items & {row[2] for row in pending},
            formed_on__range=(period.start, period.end),
        )
    return (
        published.filter(wanted)
        .order_by("publication_date", "pk")
        .values_list(
            "pk", "publishing_department_id", "catalogue_item_id", "publication_date", "formed_on"
        )
    )


def _segments(published, bounds: dict, histories: dict) -> list[tuple]:
    """(department, item, segment start, first, last publication date) of the items other
    than events, in date order for each pair.

    The segment before an item's first boundary (from BEGINNING) is read pair by pair, two
    probes of an index each; the later ones are grouped from the daily summary
    (DailyPublications: one row per pair and day, not per disclosure). Grouping every
    publication ever made read the whole history: 300,000 rows sorted on disk, ~500 ms at
    1,000,000 disclosures on PostgreSQL; the disclosures from the first boundary on still
    took 66–110 ms (docs/performance.md).
    """
    wanted = [pair for pair in histories if pair[1] in bounds]
    if not wanted:
        return []
    items_by_first = defaultdict(list)
    for item_id, item_bounds in bounds.items():
        first_bound = min((b for b in item_bounds if b != BEGINNING), default=datetime.date.max)
        items_by_first[first_bound].append(item_id)
    before = published.filter(
        catalogue_item_id=OuterRef("catalogueitempage_id"),
        publishing_department_id=OuterRef("department_id"),
        publication_date__lt=OuterRef("first_bound"),
    ).values("publication_date")
    through = CatalogueItemPage.responsible_departments.through
    earliest = (
        through.objects.filter(
            catalogueitempage_id__in={item_id for _, item_id in wanted},
            department_id__in={dept_id for dept_id, _ in wanted},
        )
        .annotate(
            first_bound=Case(
                *(
                    When(catalogueitempage_id__in=item_ids, then=Value(day))
                    for day, item_ids in items_by_first.items()
                ),
                output_field=DateField(),
            )
        )
        .annotate(
            first=Subquery(before.order_by("publication_date")[:1]),
            last=Subquery(before.order_by("-publication_date")[:1]),
        )
        .values_list("department_id", "catalogueitempage_id", "first", "last")
    )
    rows = [
        (dept_id, item_id, BEGINNING, first, last)
        for dept_id, item_id, first, last in earliest
        if first is not None
    ]
    later = Q()
    for day, item_ids in items_by_first.items():
        if day != datetime.date.max:
            later |= Q(item_id__in=item_ids, day__gte=day)
    if later:
        days = DailyPublications.objects.filter(later, count__gt=0)
        departments = {dept_id for dept_id, _ in wanted}
        if len(departments) == 1:
            days = days.filter(department_id__in=departments)
        rows += (
            days.annotate(segment=_segment_start(bounds))
            .values_list("department_id", "item_id", "segment")
            .order_by("segment")
            .annotate(first=Min("day"), last=Max("day"))
        )
    return rows


def _segment_start(bounds: dict) -> Case:
    """Each day's segment: the latest boundary of its item on or before it. Items with the
    same boundaries share one lookup."""
    items_by_bounds = defaultdict(list)
    for item_id, item_bounds in bounds.items():
        items_by_bounds[item_bounds].append(item_id)
    return Case(
        *(
            When(
                item_id__in=item_ids,
                then=DateLookup("day", [(b, b) for b in sorted(item_bounds)]),
            )
            for item_bounds, item_ids in items_by_bounds.items()
        ),
        output_field=DateField(),
    )


def _settled_events(published, evaluator: Evaluator, rules: dict) -> Counter:
    """(department, item, status) → published event disclosures formed in the period, on
    time or late: each formation date's deadline is computed here and handed to the
    database as a CASE expression, so that no disclosure row has to leave it."""
    period, calendar = evaluator.period, evaluator.calendar
    event_rules = [r for r in rules.values() if r.kind == RuleKind.EVENT]
    if not event_rules:
        return Counter()
    days = [period.start + datetime.timedelta(days=n) for n in range(period.days)]
    by_days = defaultdict(list)
    current = [r.item_id for r in event_rules if r.retired_on is None]
    scope = Q(catalogue_item_id__in=current, formed_on__range=(period.start, period.end))
    for rule in event_rules:
        by_days[rule.working_days or 0].append(rule.item_id)
        if rule.retired_on is not None:
            last = rule.retired_on - ONE_DAY
            scope |= Q(catalogue_item_id=rule.item_id, formed_on__range=(period.start, last))
    deadline = Case(
        *(
            When(
                catalogue_item_id__in=item_ids,
                then=DateLookup(
                    "formed_on", _runs((day, calendar.add_working_days(day, n)) for day in days)
                ),
            )
            for n, item_ids in by_days.items()
        ),
        output_field=DateField(),
    )
    counts = (
        published.filter(scope)
        .values_list("publishing_department_id", "catalogue_item_id")
        .order_by()
        .annotate(total=Count("pk"), on_time=Count("pk", filter=Q(publication_date__lte=deadline)))
    )
    settled = Counter()
    for dept_id, item_id, total, on_time in counts:
        settled[(dept_id, item_id, Status.ON_TIME)] = on_time
        settled[(dept_id, item_id, Status.LATE)] = total - on_time
    return settled


def _runs(pairs) -> list[tuple]:
    """(day, value) in day order → (first day, value) for each run of equal values."""
    runs = []
    for day, value in pairs:
        if not runs or runs[-1][1] != value:
            runs.append((day, value))
    return runs


class DateLookup(Expression):
    """A date column mapped to dates computed in Python: each run's value holds from its
    first day until the next run's. Compiled to CASE expressions nested as a binary search
    (a flat CASE costs one comparison per day of the period for every row, this about
    log2(runs)), and built as one node: hundreds of When/Value nodes cost Django more to
    resolve and hash than the database takes to run the query."""

    output_field = DateField()

    def __init__(self, field: str, runs: list[tuple]):
        super().__init__()
        self.source, self.runs = F(field), runs

    def get_source_expressions(self):
        return [self.source]

    def set_source_expressions(self, exprs):
        (self.source,) = exprs

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.source)
        adapt = connection.ops.adapt_datefield_value

        def lookup(runs):
            if len(runs) == 1:
                return "%s", [adapt(runs[0][1])]
            middle = len(runs) // 2
            left, left_params = lookup(runs[:middle])
            right, right_params = lookup(runs[middle:])
            params = [*column_params, adapt(runs[middle][0]), *left_params, *right_params]
            return f"CASE WHEN {column} < %s THEN {left} ELSE {right} END", params

        return lookup(self.runs)


def published_disclosures():
    """Live disclosures with a publication date, the rows every supervision figure counts.

    Liveness is asked of the few pages that are not live (live_disclosures) instead of
    joining every disclosure to its page row; the rest of each query is then answered from
    the disclosures' covering indexes (DisclosurePage.Meta.indexes). At 100,000 disclosures
    the row-by-row join alone took longer than the dashboard's budget.
    """
    return live_disclosures().filter(publication_date__isnull=False)


def data_fingerprint() -> tuple:
    """Changes whenever anything the obligations depend on changes: every publish, edit,
    move or deletion of a page is in Wagtail's log; catalogue adjustments, recorded
    information and calendar overrides have their own tables. Four indexed aggregates, so
    that cached figures are right across processes (web server, worker, import commands)."""
    from wagtail.models import PageLogEntry

    return (
        PageLogEntry.objects.aggregate(n=Max("pk"))["n"],
        CatalogueChange.objects.aggregate(n=Max("pk"))["n"],
        tuple(
            PendingInformation.objects.aggregate(
                n=Max("pk"), cancelled=Count("pk", filter=~Q(cancelled_reason=""))
            ).values()
        ),
        tuple(CalendarDay.objects.aggregate(n=Max("pk"), c=Count("pk")).values()),
        ConfirmedYear.objects.count(),
    )


def dashboard_data(period: Period, *, today: datetime.date) -> dict:
    """The dashboard's figures, computed once per state of the data, day and language (the
    matrix carries its texts; see data_fingerprint), then served from the cache."""
    key = (
        "supervision:dashboard:"
        + hashlib.sha1(
            repr((data_fingerprint(), period, today, due_soon_days(), get_language())).encode()
        ).hexdigest()
    )
    data = cache.get(key)
    if data is None:
        result = obligation_set(period, today=today)
        data = {
            "matrix": compliance_matrix(result),
            "counts": result.status_counts(),
            "failing": result.failing(),
            "due_soon": result.due_soon(),
            "categories": result.categories,
            "departments": result.departments,
            "provisional_years": result.provisional_years,
            "trend": monthly_trend(period, result.departments),
        }
        cache.set(key, data, DASHBOARD_CACHE_SECONDS)
    return data


def compliance_matrix(result: ObligationSet) -> list[dict]:
    """Department rows × category columns, each cell with its worst status and counts."""
    cells = defaultdict(Counter)
    for obligation in result.obligations:
        cells[(obligation.department_id, obligation.item.category.pk)][obligation.status] += 1
    for (dept_id, item_id, status), n in result.settled.items():
        cells[(dept_id, result.items[item_id].category.pk)][status] += n
    labels = CellLabels()
    rows = []
    for department in result.departments:
        row_cells, row_counts = [], Counter()
        for category in result.categories:
            counts = cells.get((department.pk, category.pk), Counter())
            row_counts.update(counts)
            row_cells.append(_cell(category, counts, labels))
        rows.append(
            {"department": department, "cells": row_cells, "worst": worst(row_counts) or ""}
        )
    return rows


@dataclass(frozen=True)
class ItemOverview:
    """One catalogue item's disclosure in a period: 清单事项公开情况, row by row."""

    item: CatalogueItemPage
    published: int  # live disclosures published in the period
    status: str  # the worst obligation status over its departments, "" when none applied

    @property
    def status_label(self) -> str:
        if self.status:
            return str(Status(self.status).label)
        return gettext("已公开") if self.published else gettext("本期未公开")


def item_overview(period: Period, *, today: datetime.date) -> list[ItemOverview]:
    """Every live item of the catalogue with what was published under it in the period and
    its worst obligation status (the same computation as the dashboard). Items retired
    before the period began are left out."""
    result = obligation_set(period, today=today)
    worst_by_item = defaultdict(Counter)
    for obligation in result.obligations:
        worst_by_item[obligation.item.pk][obligation.status] += 1
    for (_dept_id, item_id, status), n in result.settled.items():
        worst_by_item[item_id][status] += n
    published = dict(
        published_disclosures()
        .filter(publication_date__range=(period.start, period.end))
        .values_list("catalogue_item_id")
        .order_by()
        .annotate(n=Count("pk"))
    )
    items = [
        item
        for item in result.items.values()
        if item.retired_on is None or item.retired_on >= period.start
    ]
    items.sort(key=lambda item: (item.category.number, item_sort_key(item)))
    return [
        ItemOverview(item, published.get(item.pk, 0), worst(worst_by_item[item.pk]) or "")
        for item in items
    ]


class CellLabels:
    """The matrix's texts, translated once for its 500 cells (each gettext call walks the
    chain of catalogues: charts.ChartTexts)."""

    def __init__(self):
        self.status = status_labels()
        self.no_requirement = gettext("无要求")
        self.nothing_due = gettext("本期无公开要求")
        self.separator = pgettext("list separator", "；")


def _cell(category, counts: Counter, labels: CellLabels) -> dict:
    status = worst(counts)
    ordered = sorted(counts.items(), key=lambda pair: SEVERITY[pair[0]])
    return {
        "category": category,
        "status": status or "",
        "label": labels.status[status] if status else labels.no_requirement,
        "total": sum(counts.values()),
        "worst_count": counts.get(status, 0) if status else 0,
        "summary": labels.separator.join(f"{labels.status[s]} {n}" for s, n in ordered)
        or labels.nothing_due,
    }


def monthly_trend(period: Period, departments) -> dict:
    """Published disclosures per department per month of the period: {dept_id: [n, ...]},
    from the daily summary (about 30,000 rows a year at 1,000,000 disclosures, against
    200,000 disclosure rows)."""
    months = period.months()
    index = {month: position for position, month in enumerate(months)}
    counts = (
        DailyPublications.objects.filter(
            day__range=(period.start, period.end),
            department_id__in=[d.pk for d in departments],
        )
        # The month by comparisons (TruncMonth is a Python function per row on SQLite).
        .annotate(month=DateLookup("day", [(m, m) for m in months]))
        .values_list("department_id", "month")
        .order_by()
        .annotate(n=Sum("count"))
    )
    series = {d.pk: [0] * len(months) for d in departments}
    for dept_id, month, n in counts:
        series[dept_id][index[month]] = n
    return {"months": months, "series": series}


def overdue_rectifications(*, today: datetime.date, department=None):
    inspections = Inspection.objects.filter(
        result=InspectionResult.OPEN, rectification_deadline__lt=today
    ).select_related("department")
    if department is not None:
        inspections = inspections.filter(department=department)
    return list(inspections.order_by("rectification_deadline"))


def inspections_of(department):
    return Inspection.objects.filter(department=department).select_related("recorded_by")


def actions_of(department, *, limit: int = 50):
    return list(
        Action.objects.filter(department=department)
        .select_related("item", "created_by")
        .order_by("-created_at")[:limit]
    )


def pending_records_of(department):
    return (
        PendingInformation.objects.filter(department=department)
        .select_related("item", "disclosure", "recorded_by")
        .order_by("-formed_on", "-pk")
    )


def action_figures(period: Period) -> dict:
    """提醒、督促、处理 counts and inspection figures for the annual report."""
    actions = Action.objects.filter(created_at__date__range=(period.start, period.end)).aggregate(
        **{kind.value: Count("pk", filter=Q(kind=kind)) for kind in ActionKind},
        departments=Count("department", distinct=True),
    )
    inspections = Inspection.objects.filter(
        inspected_on__range=(period.start, period.end)
    ).aggregate(
        total=Count("pk"),
        departments=Count("department", distinct=True),
        rectified=Count("pk", filter=Q(result=InspectionResult.RECTIFIED)),
        not_rectified=Count("pk", filter=Q(result=InspectionResult.NOT_RECTIFIED)),
    )
    return {
        "reminders": actions[ActionKind.REMINDER.value],
        "urgings": actions[ActionKind.URGING.value],
        "escalations": actions[ActionKind.ESCALATION.value],
        "handlings": actions[ActionKind.HANDLING.value],
        "departments_reminded": actions["departments"],
        "inspections": inspections["total"],
        "departments_inspected": inspections["departments"],
        "rectified": inspections["rectified"],
        "not_rectified": inspections["not_rectified"],
    }


def unread_notices(user, *, limit: int = 10):
    return list(
        Notice.objects.filter(user=user, read_at__isnull=True)
        .select_related("action", "action__item", "action__department")
        .order_by("-action__created_at")[:limit]
    )


def reminder_window(today: datetime.date) -> Period:
    """The obligations the scheduled job looks at: a year back, a few months ahead."""
    return Period(add_months(today, -12), add_months(today, 2))
