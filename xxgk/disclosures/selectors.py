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
    from xxgk.viewcounts.selectors import current_count

    return current_count(page.pk)


def drafts_of_department(department):
    return DisclosurePage.objects.filter(publishing_department=department, live=False)
