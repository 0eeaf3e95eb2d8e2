"""Reads from the search index: public search, staff search and no-result suggestions."""

from xxgk.disclosures.policy import pages_with_readable_revisions

from .backends import NO_FILTERS, DraftScope, Filters, Sort, get_backend
from .tokenizer import shorter_queries


def search(query: str, *, filters: Filters = NO_FILTERS, sort: str = Sort.RELEVANCE):
    """Public search: live, unexpired, unrestricted pages only."""
    return get_backend().search(query, filters, sort)


def draft_scope_for(user) -> DraftScope:
    """The drafts a staff member may find: those whose revisions they may read
    (``xxgk.disclosures.policy``: the office and supervisors all; a department's editors its
    own; reviewers what is under review or they reviewed)."""
    return DraftScope(pages=pages_with_readable_revisions(user))


def staff_search(user, query: str, *, filters: Filters = NO_FILTERS, sort: str = Sort.RELEVANCE):
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
