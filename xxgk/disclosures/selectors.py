from django.db.models import Count

from xxgk.catalogue import selectors as catalogue_selectors
from xxgk.viewcounts.selectors import current_count

from .models import DisclosurePage


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
