"""Writes: the search index (everything goes through sync_page or rebuild_index), the
anonymous search log and the synonym list."""

import datetime

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from .backends import get_backend
from .documents import content_of, indexing_queryset, searchable_models
from .models import SearchDocument, SearchQueryDay, Synonym, Version


def sync_page(page_id: int, *, draft_revision=None) -> None:
    """Bring the index rows of one page in line with the page tree: a live row while the
    page is live, a draft row while its latest revision is unpublished.

    ``draft_revision`` is a revision being saved right now, before the page row records it
    as its latest.
    """
    backend = get_backend()
    page = Page.objects.filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if page is None or type(page) not in searchable_models():
        backend.remove_document(page_id)
        return
    if page.live:
        backend.index_document(page.pk, Version.LIVE, content_of(page))
    else:
        backend.remove_document(page.pk, Version.LIVE)
    if draft_revision is not None:
        backend.index_document(page.pk, Version.DRAFT, content_of(draft_revision.as_object()))
    elif not page.live or page.has_unpublished_changes:
        latest = page.get_latest_revision_as_object()
        backend.index_document(page.pk, Version.DRAFT, content_of(latest))
    else:
        backend.remove_document(page.pk, Version.DRAFT)


def _entries():
    for model in searchable_models():
        # exact_type (indexing_queryset): a subclass page (an annual report is a
        # DisclosurePage) comes once, as itself.
        for page in indexing_queryset(model).iterator(chunk_size=500):
            if page.live:
                yield page.pk, Version.LIVE, content_of(page)
            if not page.live or page.has_unpublished_changes:
                yield page.pk, Version.DRAFT, content_of(page.get_latest_revision_as_object())


def rebuild_index() -> int:
    """Re-create the whole index from the page tree; returns the number of documents.

    Safe to run at any time: readers see the old index until the transaction commits.
    """
    return get_backend().rebuild(_entries())


def ensure_index(using: str = "default") -> int:
    """Build the index if it is empty while searchable pages exist; returns documents built."""

    if using != "default" or SearchDocument.objects.exists():
        return 0
    if not any(model.objects.exists() for model in searchable_models()):
        return 0
    return rebuild_index()


# --- the anonymous search log ---------------------------------------------------------------

# New distinct queries logged per day at most, so that a flood of random queries cannot
# grow the table without bound (repeats of logged queries are still counted).
MAX_LOGGED_QUERIES_PER_DAY = 20_000


def log_search(query: str, result_count: int, *, day=None) -> None:
    """Count one public search of ``query`` on ``day`` (today): no time, no IP, no user."""
    day = day or timezone.localdate()
    query = query[:100]
    updated = SearchQueryDay.objects.filter(day=day, query=query).update(
        searches=F("searches") + 1, results=result_count
    )
    if updated:
        return
    if SearchQueryDay.objects.filter(day=day).count() >= MAX_LOGGED_QUERIES_PER_DAY:
        return
    table = connection.ops.quote_name(SearchQueryDay._meta.db_table)
    with connection.cursor() as cursor:
        # Two readers may log the same new query at once: the second one counts.
        cursor.execute(
            f"INSERT INTO {table} (day, query, searches, results) VALUES (%s, %s, 1, %s) "
            f"ON CONFLICT (day, query) DO UPDATE SET searches = {table}.searches + 1, "
            "results = excluded.results",
            [day, query, result_count],
        )


def purge_search_log(today=None) -> int:
    """Delete the log's days older than settings.XXGK_SEARCH_LOG_DAYS; returns rows deleted."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.XXGK_SEARCH_LOG_DAYS)
    deleted, _ = SearchQueryDay.objects.filter(day__lt=cutoff).delete()
    return deleted


# --- the synonym list -------------------------------------------------------------------------


def save_synonym(form, *, user) -> Synonym:
    """Save a validated SynonymForm; the change goes into Wagtail's log (and so the audit log)."""
    created = form.instance.pk is None
    entry = form.save()
    log(instance=entry, action="wagtail.create" if created else "wagtail.edit", user=user)
    return entry


def delete_synonym(entry: Synonym, *, user) -> None:
    log(instance=entry, action="wagtail.delete", user=user)
    entry.delete()
