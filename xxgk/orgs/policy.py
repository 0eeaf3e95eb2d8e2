"""Who may do what to which object: the vocabulary every domain's rights are written in.

Each domain states its rules once, in its own ``policy.py`` (``disclosures``, ``catalogue``,
``review``, ``requests``, ``mailbox``, ``complaints``, ``supervision``, ``reports``,
``audit``), as a ``Policy``: one rule per ``Action``, answering "may this person do this to
this object". Views, Wagtail's permission testers and hooks, the API, services and the
authorization matrix ask that policy; no view carries a rule of its own. An action a policy
has no rule for is refused, and so is every inactive or anonymous user.

This module sits at the bottom of the app layers (beside roles), so that every domain can
import it and it imports no domain.
"""

import enum
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester


class Action(enum.StrEnum):
    VIEW = "view"  # open the object in the back office
    EDIT = "edit"
    SUBMIT = "submit"  # start the confidentiality review
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"  # Wagtail's unpublish, without a reason
    WITHDRAW = "withdraw"  # 撤回: off the portal at once, with a reason
    RESTORE = "restore"  # a withdrawn disclosure back, through a new review
    RESTRICT = "restrict"  # page view restrictions: password, login, groups
    UNSCHEDULE = "unschedule"
    VIEW_REVISIONS = "view_revisions"  # revisions, drafts, history
    COMPARE = "compare"
    REVERT = "revert"
    LOCK = "lock"
    UNLOCK = "unlock"
    MOVE = "move"
    COPY = "copy"
    DELETE = "delete"
    ADD_CHILD = "add_child"
    PUBLISH_CHILD = "publish_child"
    REORDER_CHILDREN = "reorder_children"
    HANDLE = "handle"  # casework: take the steps of a request, letter or complaint
    DECIDE = "decide"  # a review step
    EXPORT = "export"
    READ_PERSONAL_DATA = "read_personal_data"
    VIEW_STATISTICS = "view_statistics"


Rule = Callable[..., bool]


class Policy:
    """The rules of one domain: ``rules[action](user, obj) -> bool``; ``refusals`` say why
    (in Chinese, to the person refused)."""

    default_refusal = _("您没有执行此操作的权限。")

    def __init__(self, name: str, rules: dict[Action, Rule], refusals: dict[Action, str] = None):
        self.name = name
        self.rules = {Action(action): rule for action, rule in rules.items()}
        self.refusals = {Action(action): text for action, text in (refusals or {}).items()}

    def __repr__(self):
        return f"<Policy {self.name}>"

    def allows(self, user, action, obj=None) -> bool:
        if user is None or not getattr(user, "is_active", False):
            return False
        rule = self.rules.get(Action(action))
        return rule is not None and bool(rule(user, obj))

    def refusal(self, action) -> str:
        return self.refusals.get(Action(action), self.default_refusal)

    def require(self, user, action, obj=None) -> None:
        """Raise PermissionDenied, with the reason, unless the user may."""
        if not self.allows(user, action, obj):
            raise PermissionDenied(self.refusal(action))


def page_grants(user, page) -> PagePermissionTester:
    """Wagtail's own answer from the page-tree permissions (the office's over the site, a
    department's over its catalogue items): a fact page policies build on, never the rule."""
    return PagePermissionTester(user, page)


def wagtail_grants(question: str, user, page) -> bool:
    """A rule that is Wagtail's own answer to one of its tester's questions (``can_edit`` …).
    Bind the question with ``functools.partial``: the answer is computed when the rule is
    asked, never when the policy module is imported."""
    return getattr(page_grants(user, page), question)()


class PolicyPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester answering every question from a page policy, so that
    the editor, the action menus, bulk actions, the admin API and Wagtail's actions all get
    the same answer as our own views."""

    def __init__(self, user, page, policy: Policy):
        super().__init__(user, page)
        self.policy = policy

    def _may(self, action) -> bool:
        return self.policy.allows(self.user, action, self.page)

    def can_edit(self):
        return self._may(Action.EDIT)

    def can_delete(self, ignore_bulk=False):
        return self._may(Action.DELETE)

    def can_unpublish(self):
        return self._may(Action.UNPUBLISH)

    def can_publish(self):
        return self._may(Action.PUBLISH)

    def can_submit_for_moderation(self):
        return self._may(Action.SUBMIT)

    def can_set_view_restrictions(self):
        return self._may(Action.RESTRICT)

    def can_unschedule(self):
        return self._may(Action.UNSCHEDULE)

    def can_lock(self):
        return self._may(Action.LOCK)

    def can_unlock(self):
        return self._may(Action.UNLOCK)

    def can_add_subpage(self):
        return self._may(Action.ADD_CHILD)

    def can_publish_subpage(self):
        return self._may(Action.PUBLISH_CHILD)

    def can_reorder_children(self):
        return self._may(Action.REORDER_CHILDREN)

    def can_move(self):
        return self._may(Action.MOVE)

    def can_copy(self):
        return self._may(Action.COPY)

    def can_view_revisions(self):
        return self._may(Action.VIEW_REVISIONS)
