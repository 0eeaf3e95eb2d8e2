"""Reads from the search index: public search, staff search and no-result suggestions."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, user_department

from .backends import NO_FILTERS, DraftScope, Filters, Sort, get_backend
from .query import ParsedQuery
from .tokenizer import shorter_queries

# Roles that read every department's drafts and items in review.
ALL_DRAFTS_ROLES = (Role.REVIEWER, Role.SUPERVISOR)


def search(query: ParsedQuery | str, *, filters: Filters = NO_FILTERS, sort: str = Sort.RELEVANCE):
    """Public search: live, unexpired, unrestricted pages only. ``query`` as parsed by
    xxgk.search.query.parse (a string: parsed with synonyms)."""
    return get_backend().search(query, filters, sort)


def draft_scope_for(user) -> DraftScope:
    """The drafts a staff member may find: the office, reviewers and supervisors see all;
    anyone else those of pages they may edit, and of disclosures only their department's
    (谁公开、谁负责, as DisclosurePermissionTester)."""
    if is_office(user) or any(has_role(user, role) for role in ALL_DRAFTS_ROLES):
        return DraftScope()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    department = user_department(user)
    # Department ids start at 1, so 0 admits only pages that belong to no department.
    return DraftScope(pages=pages, department_id=department.pk if department else 0)


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
