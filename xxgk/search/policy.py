"""Who may do what with search: one place that views, menu hooks and tests ask.

The office keeps the synonym list and reads the search log; supervisors read both; other
staff use the back-office search only (its drafts within their rights: selectors.draft_scope_for).
"""

from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office


def can_edit_synonyms(user) -> bool:
    return is_office(user)


def can_read_synonyms(user) -> bool:
    return is_office(user) or has_role(user, Role.SUPERVISOR)


def can_read_search_log(user) -> bool:
    return is_office(user) or has_role(user, Role.SUPERVISOR)
