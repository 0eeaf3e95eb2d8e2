"""Counting views: buffered in the request, applied to PageViewCount in batches."""

from collections import defaultdict
from collections.abc import Mapping

from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from xxgk.disclosures.models import PageViewCount

from . import buffer
from .selectors import current_count

# Set on a request whose page view has been counted, so the page cache can count the views
# it serves from its copy of that page.
COUNTED_ATTR = "xxgk_counted_page_id"


def count_view(page_id: int, request=None) -> int:
    """Count one view of a page (no database write) and return the total shown to visitors."""
    buffer.get_buffer().add(page_id)
    buffer.start_flusher(flush_view_counts)
    if request is not None:
        setattr(request, COUNTED_ATTR, page_id)
    return current_count(page_id)


def add_view(page_id: int) -> None:
    """Count a view without reading the total (a page served from the cache)."""
    buffer.get_buffer().add(page_id)
    buffer.start_flusher(flush_view_counts)


def flush_view_counts() -> int:
    """Apply every pending view to the database; returns how many views were applied."""
    return buffer.get_buffer().flush(apply_batch)


@transaction.atomic
def apply_batch(batch: Mapping[int, int]) -> None:
    """Make sure each page has its row (INSERT … ON CONFLICT DO NOTHING), then one UPDATE per
    distinct increment (count = count + n). Nothing here can fail on a row that another
    process created a moment ago, so an exiting worker's last flush goes through."""
    # Views of pages deleted since are dropped: there is nothing left to count them on.
    pages = sorted(Page.objects.filter(pk__in=list(batch)).values_list("pk", flat=True))
    PageViewCount.objects.bulk_create(
        [PageViewCount(page_id=page_id, count=0) for page_id in pages], ignore_conflicts=True
    )
    by_increment: dict[int, list[int]] = defaultdict(list)
    for page_id in pages:
        by_increment[batch[page_id]].append(page_id)
    for n, page_ids in sorted(by_increment.items()):
        PageViewCount.objects.filter(page_id__in=page_ids).update(count=F("count") + n)
