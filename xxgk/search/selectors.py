"""Reads from the search index: public search, staff search and no-result suggestions;
the search log and the synonym preview for the office."""

from django.db.models import Count

from xxgk.disclosures.policy import pages_with_readable_revisions

from .backends import NO_FILTERS, DraftScope, Filters, Sort, get_backend
from .models import SearchQueryDay
from .query import ParsedQuery, parse
from .tokenizer import shorter_queries


def search(query: ParsedQuery | str, *, filters: Filters = NO_FILTERS, sort: str = Sort.RELEVANCE):
    """Public search: live, unexpired, unrestricted pages only. ``query`` as parsed by
    xxgk.search.query.parse (a string: parsed with synonyms)."""
    return get_backend().search(query, filters, sort)


def draft_scope_for(user) -> DraftScope:
    """The drafts a staff member may find: those whose revisions they may read
    (``xxgk.disclosures.policy``: the office and supervisors all; a department's editors its
    own; reviewers what is under review or they reviewed)."""
    return DraftScope(pages=pages_with_readable_revisions(user))


def staff_search(
    user, query: ParsedQuery | str, *, filters: Filters = NO_FILTERS, sort: str = Sort.RELEVANCE
):
    """Back-office search: everything public plus the drafts ``user`` may see."""
    return get_backend().search(query, filters, sort, draft_scope_for(user))


def shorter_suggestions(query: str, *, limit: int = 3, probes: int = 10) -> list[tuple[str, int]]:
    """Up to ``limit`` shorter queries that do find something, with their hit counts."""
    found = []
    for candidate in shorter_queries(query)[:probes]:
        count = search(candidate).count()
        if count:
            found.append((candidate, count))
            if len(found) == limit:
                break
    return found


def search_log_summary(start, end, *, limit: int = 50) -> dict:
    """The search log of the days start..end: the most searched queries and those that
    found nothing (by their latest result count), each with how often they were searched."""
    from django.db.models import Max, Sum

    rows = SearchQueryDay.objects.filter(day__gte=start, day__lte=end)
    totals = rows.aggregate(searches=Sum("searches"), queries=Count("query", distinct=True))
    top = (
        rows.values("query")
        .annotate(total=Sum("searches"), last_day=Max("day"))
        .order_by("-total", "query")[:limit]
    )
    latest = {
        (row.query, row.day): row.results
        for row in rows.filter(query__in=[t["query"] for t in top])
    }
    top = [{**t, "results": latest.get((t["query"], t["last_day"]), 0)} for t in top]
    zero = (
        rows.filter(results=0)
        .values("query")
        .annotate(total=Sum("searches"), last_day=Max("day"))
        .order_by("-total", "query")[:limit]
    )
    return {
        "searches": totals["searches"] or 0,
        "queries": totals["queries"] or 0,
        "top": top,
        "zero": list(zero),
    }


def preview_expansion(query: str, *, lexicon=None) -> ParsedQuery:
    """What a query is read as (its words and the synonyms searched too), for the office."""
    return parse(query, lexicon=lexicon)
