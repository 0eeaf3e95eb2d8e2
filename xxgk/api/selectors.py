"""Reads behind the public API: only live, public pages; aggregates computed in the DB."""

import datetime

from django.db.models import Count, prefetch_related_objects
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.selectors import catalogue_tree, published_annual_reports
from xxgk.mailbox.selectors import letter_statistics
from xxgk.orgs.models import Department
from xxgk.reports.models import PeriodKind
from xxgk.requests.models import AppealKind, AppealResult
from xxgk.requests.stats import COLUMNS, TOTAL, Period, appeal_table, request_table

from .errors import ApiError


def public_disclosures():
    """Live disclosures outside any view restriction: withdrawn ones vanish at once."""
    return (
        DisclosurePage.objects.live()
        .public()
        .select_related("publishing_department", "catalogue_item")
    )


def _counts_by_item(queryset) -> dict[int, int]:
    # order_by() first: Page's default ordering by path would split the GROUP BY.
    return dict(
        queryset.order_by()
        .values("catalogue_item")
        .annotate(n=Count("pk"))
        .values_list("catalogue_item", "n")
    )


def public_catalogue() -> list[dict]:
    """The catalogue tree, each item counting only live, public disclosures."""
    tree = catalogue_tree(include_retired=True)
    counts = _counts_by_item(public_disclosures())
    items = [item for node in tree for item in [*node["items"], *node["retired_items"]]]
    prefetch_related_objects(items, "successors")
    for item in items:
        item.disclosure_count = counts.get(item.pk, 0)
    return tree


def public_item(item_number: str) -> CatalogueItemPage:
    item = (
        CatalogueItemPage.objects.live()
        .prefetch_related("responsible_departments", "successors")
        .filter(item_number=item_number)
        .first()
    )
    if item is None:
        raise ApiError(404, "not_found", _("未找到编号为 %(n)s 的清单事项。") % {"n": item_number})
    item.disclosure_count = public_disclosures().filter(catalogue_item=item).count()
    return item


def _check_range(date_from, date_to):
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "invalid_date_range", _("起始日期不能晚于截止日期。"))


def filter_disclosures(filters):
    """Apply the list filters; unknown item, category or department codes are a 404."""
    _check_range(filters.date_from, filters.date_to)
    queryset = public_disclosures()
    if filters.item:
        if not CatalogueItemPage.objects.filter(item_number=filters.item).exists():
            raise ApiError(
                404, "not_found", _("未找到编号为 %(n)s 的清单事项。") % {"n": filters.item}
            )
        queryset = queryset.filter(catalogue_item__item_number=filters.item)
    if filters.category:
        category = CatalogueCategoryPage.objects.filter(number=filters.category).first()
        if category is None:
            raise ApiError(
                404, "not_found", _("未找到序号为 %(n)s 的清单类别。") % {"n": filters.category}
            )
        queryset = queryset.descendant_of(category)
    if filters.department:
        if not Department.objects.filter(code=filters.department).exists():
            raise ApiError(
                404, "not_found", _("未找到代码为 %(n)s 的部门。") % {"n": filters.department}
            )
        queryset = queryset.filter(publishing_department__code=filters.department)
    if filters.date_from:
        queryset = queryset.filter(publication_date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(publication_date__lte=filters.date_to)
    if filters.updated_since:
        since = filters.updated_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        queryset = queryset.filter(last_published_at__gt=since)
    if filters.order == "publication_date":
        return queryset.order_by("publication_date", "pk")
    return queryset.order_by("-publication_date", "-pk")


def public_disclosure(pk: int) -> DisclosurePage:
    page = public_disclosures().filter(pk=pk).first()
    if page is None:
        raise ApiError(404, "not_found", _("未找到该公开信息，或该信息已撤回。"))
    return page


def public_reports():
    return published_annual_reports().public()


def public_report(school_year_start: int):
    report = (
        public_reports()
        .filter(period_kind=PeriodKind.SCHOOL_YEAR, period_start__year=school_year_start)
        .first()
    )
    if report is None:
        raise ApiError(
            404,
            "not_found",
            _("未找到 %(year)s 学年的年度报告。") % {"year": school_year_start},
        )
    return report


def disclosure_statistics(date_from: datetime.date | None, date_to: datetime.date | None):
    """Counts of published disclosures by category, department and month."""
    _check_range(date_from, date_to)
    queryset = public_disclosures()
    if date_from:
        queryset = queryset.filter(publication_date__gte=date_from)
    if date_to:
        queryset = queryset.filter(publication_date__lte=date_to)
    by_item = _counts_by_item(queryset)
    by_category = []
    for category in catalogue_tree(include_retired=True):
        items = [*category["items"], *category["retired_items"]]
        count = sum(by_item.get(item.pk, 0) for item in items)
        node = category["category"]
        by_category.append({"key": str(node.number), "label": node.title, "count": count})
    by_department = [
        {
            "key": row["publishing_department__code"],
            "label": row["publishing_department__name"],
            "count": row["n"],
        }
        for row in queryset.order_by()
        .values("publishing_department__code", "publishing_department__name")
        .annotate(n=Count("pk"))
        .order_by("publishing_department__code")
    ]
    by_month = [
        {"key": f"{row['month']:%Y-%m}", "label": f"{row['month']:%Y年%m月}", "count": row["n"]}
        for row in queryset.order_by()
        .exclude(publication_date__isnull=True)
        .annotate(month=TruncMonth("publication_date"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    ]
    return {
        "date_from": date_from,
        "date_to": date_to,
        "total": sum(by_item.values()),
        "by_category": by_category,
        "by_department": by_department,
        "by_month": by_month,
    }


def school_year_period(school_year: int | None):
    """A school year (1 September – 31 August); the current one by default."""

    if school_year is None:
        return Period.containing(timezone.localdate())
    return Period.school_year(school_year)


def _period_data(period) -> dict:
    return {"start": period.start, "end": period.end, "label": period.label}


def request_statistics(school_year: int | None) -> dict:
    """表三 and 表四 as the requests app computes them: counts only, never a case.

    The labels are the statutory tables' wording: in Chinese, as plain strings (the requests
    app's labels are lazy translations since issue 20)."""

    period = school_year_period(school_year)
    with translation.override("zh-hans"):
        return {
            "period": _period_data(period),
            "columns": [{"key": key, "label": str(label)} for key, label in COLUMNS],
            "rows": [
                {"key": row.code, "label": str(row.label), "counts": counts}
                for row, counts in request_table(period)
            ],
            "appeals": [
                {"key": kind, "label": str(AppealKind(kind).label), "counts": counts}
                for kind, counts in appeal_table(period).items()
            ],
            "appeal_results": [
                *({"key": key, "label": str(label)} for key, label in AppealResult.choices),
                {"key": TOTAL, "label": "总计"},
            ],
        }


def mailbox_statistics(school_year: int | None) -> dict:
    """Letters received and how they were handled: counts and working-day durations only."""

    period = school_year_period(school_year)
    stats = letter_statistics(period.start, period.end)

    def named(pairs):
        return [{"name": name, "summary": summary} for name, summary in pairs]

    return {
        "period": _period_data(period),
        "total": stats["total"],
        "by_mailbox": named(stats["mailbox"]),
        "by_category": named(stats["category"]),
        "by_department": named(stats["department"]),
    }
