from django.db.models import Count

from xxgk.catalogue import selectors as catalogue_selectors
from xxgk.catalogue.models import CatalogueItemPage
from xxgk.viewcounts.selectors import current_count

from .models import AnnualReportPage, DisclosurePage


def published_disclosures():
    return (
        DisclosurePage.objects.live()
        .select_related("publishing_department", "catalogue_item")
        .order_by("-publication_date", "-pk")
    )


def published_disclosures_for_item(item):
    return published_disclosures().filter(catalogue_item=item)


def latest_disclosures(limit: int = 10):
    return list(published_disclosures()[:limit])


def view_count(page) -> int:
    """Stored views plus those still buffered."""
    return current_count(page.pk)


def drafts_of_department(department):
    return DisclosurePage.objects.filter(publishing_department=department, live=False)


def catalogue_tree(*, include_retired: bool = False) -> list[dict]:
    """The catalogue's categories and items with published-disclosure counts, in four
    queries (catalogue.selectors.catalogue_tree plus one count)."""
    counts = dict(
        DisclosurePage.objects.live()
        .order_by()  # Page's default ordering by path would split the GROUP BY
        .values("catalogue_item")
        .annotate(n=Count("pk"))
        .values_list("catalogue_item", "n")
    )
    return catalogue_selectors.catalogue_tree(include_retired=include_retired, counts=counts)


# The catalogue item the published report is filed under (MoE 2014 list: 信息公开年度报告).
ANNUAL_REPORT_ITEM = "6"


def published_annual_reports():
    """Every live report (filed under item 6), newest period first: the /reports/ list."""
    return AnnualReportPage.objects.live().order_by("-period_start", "period_kind")


def annual_report_item():
    return CatalogueItemPage.objects.filter(item_number=ANNUAL_REPORT_ITEM).first()


def report_page_for(period_kind: str, period) -> AnnualReportPage | None:
    return AnnualReportPage.objects.filter(
        period_kind=period_kind, period_start=period.start, period_end=period.end
    ).first()


def report_page_of_year(period_kind: str, year: int) -> AnnualReportPage | None:
    """The report whose period begins in ``year``, whatever day the school's year starts on
    (the template decides: 1 September by default, 1 August at some schools); a live one
    first."""
    return (
        AnnualReportPage.objects.filter(period_kind=period_kind, period_start__year=year)
        .order_by("-live", "-period_start")
        .first()
    )


def latest_annual_reports(limit: int = 5):
    return list(published_annual_reports()[:limit])
