from django.db.models import Count

from xxgk.catalogue import selectors as catalogue_selectors
from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.catalogue.policy import catalogue_policy
from xxgk.core.selectors import not_live_pages
from xxgk.orgs.policy import Action
from xxgk.viewcounts.selectors import current_count

from .models import AnnualReportPage, DisclosurePage


def live_disclosures():
    """The live disclosures, liveness asked of the few pages that are not live
    (core.selectors.not_live_pages, a partial index) rather than of every
    disclosure's page row: at 1,000,000 disclosures PostgreSQL answered `live = true` for
    one item's 20,000 disclosures by reading the whole page table (350 ms to count them,
    against ~25 ms this way; docs/performance.md, "A million disclosures")."""
    return DisclosurePage.objects.exclude(pk__in=not_live_pages())


def published_disclosures():
    return (
        live_disclosures()
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
        live_disclosures()
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


def _items_to_write_under(user):
    """The live catalogue items under which this user may write a disclosure, lazily and in
    no order: the candidates are the items the user's department answers for (every item
    for the office), and the catalogue's policy decides each (``Action.ADD_CHILD`` on the
    item), so the menu and the 新建公开信息 page ask the same rule as Wagtail's editor.

    Unordered on purpose: with Page's default ordering by path, SQLite answered the office's
    candidates by walking the whole page table in path order (the page index) and looking
    each row up among the items — 40 ms at 100,000 disclosures, on every admin page, for the
    menu item below. Without the ORDER BY it reads the 50 items and their 50 page rows."""
    candidates = catalogue_selectors.authorable_items(user).live().order_by()
    return (item for item in candidates if catalogue_policy.allows(user, Action.ADD_CHILD, item))


def items_to_write_under(user) -> list[CatalogueItemPage]:
    """The live catalogue items under which this user may write a disclosure, in catalogue
    order."""
    return sorted(
        _items_to_write_under(user),
        key=lambda item: (catalogue_selectors.item_sort_key(item), item.path),
    )


def may_write_disclosures(user) -> bool:
    """Is there an item under which this user may write a disclosure (for the menu item,
    asked on every admin page)? Stops at the first item the policy allows."""
    return next(_items_to_write_under(user), None) is not None


def _number_key(text: str) -> str:
    """ "07", "7" and "07.1" / "7.1" name the same items."""
    head, _, tail = text.partition(".")
    head = head.lstrip("0") or "0"
    return f"{head}.{tail}" if tail else head


def search_items(items, query: str) -> list[CatalogueItemPage]:
    """The items matching every word of ``query``: a number names the item with that number,
    other words are looked for in the item's name and its category's name."""
    terms = query.split()
    if not terms:
        return list(items)
    items = list(items)
    parents = {item.path[: -CatalogueItemPage.steplen] for item in items}
    categories = dict(
        CatalogueCategoryPage.objects.filter(path__in=parents).values_list("path", "title")
    )

    def matches(item, term):
        if term.replace(".", "").isdigit():
            return _number_key(term) == _number_key(str(item.item_number))
        words = f"{item.title} {categories.get(item.path[: -CatalogueItemPage.steplen], '')}"
        return term.lower() in words.lower()

    return [item for item in items if all(matches(item, term) for term in terms)]
