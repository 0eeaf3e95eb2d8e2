"""Counting views: buffered in the request, applied to PageViewCount in batches.

A reader counts once per page per window (``XXGK_VIEWCOUNT_WINDOW_SECONDS``, 10 minutes by
default): reloading, or a script hammering the page or the count endpoint, adds nothing.
The reader is a keyed hash of address + user agent, kept only as a cache key that expires
with the window, never stored. One address counts at most ``XXGK_VIEWCOUNT_ADDRESS_LIMIT``
readers per page per window, so that rotating user agents does not help a script either.
"""

from collections import defaultdict
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from xxgk.security.public_forms import client_digest, rate_limited

from . import buffer
from .models import PageViewCount
from .selectors import current_count

# Set on a request whose page view has been counted, so the page cache can count the views
# it serves from its copy of that page.
COUNTED_ATTR = "xxgk_counted_page_id"


def is_new_reader(page_id: int, request) -> bool:
    """Whether this request's client has not been counted on the page within the window
    (and its address has readers to spare); marks it counted if so."""
    window = settings.XXGK_VIEWCOUNT_WINDOW_SECONDS
    if request is None or window <= 0:
        return True
    reader = client_digest(request, "view", str(page_id))[:40]
    if not cache.add(f"xxgk:view-seen:{reader}", 1, timeout=window):
        return False
    limit = settings.XXGK_VIEWCOUNT_ADDRESS_LIMIT
    return not (limit and rate_limited(request, f"views:{page_id}", limit=limit, window=window))


def count_view(page_id: int, request=None) -> int:
    """Count one view of a page (no database write) unless this reader was counted within
    the window, and return the total shown to visitors."""
    add_view(page_id, request)
    if request is not None:
        setattr(request, COUNTED_ATTR, page_id)
    return current_count(page_id)


def add_view(page_id: int, request=None) -> None:
    """Count a view without reading the total (a page served from the cache)."""
    if is_new_reader(page_id, request):
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
