"""How a kind of case joins the Wagtail admin: its URLs under /admin/<prefix> and its menu
entry, shown to whoever its policy allows, and the cases it has falling due, which the
dashboard lists (wagtail_hooks). Called from each case app's wagtail_hooks."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import include, path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from xxgk.orgs.policy import Action


class PolicyMenuItem(MenuItem):
    """Shown to whoever `policy` allows `action` (without a particular case)."""

    def __init__(self, *args, policy, action=Action.VIEW, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.action = action

    def is_shown(self, request):
        return self.policy.allows(request.user, self.action)


def register_case_admin(prefix: str, admin_urls, menu) -> None:
    """`admin_urls` is the app's URL module (its app_name is the namespace); `menu` returns
    the menu item, called once the URLs can be reversed."""
    hooks.register("register_admin_urls", lambda: [path(prefix, include(admin_urls))])
    hooks.register("register_admin_menu_item", menu)


def menu_entry(label, url_name: str, *, icon: str, order: int, policy, action=Action.VIEW):
    """A case kind's one menu item, built when Wagtail asks for its menu."""
    return lambda: PolicyMenuItem(
        label, reverse(url_name), icon_name=icon, order=order, policy=policy, action=action
    )


# --- What falls due: the dashboard's 逾期事项 and 本周到期 ---------------------------------------


@dataclass(frozen=True, order=True)
class DueCase:
    """An open case with a due date, as the dashboard lists it: no personal data and no
    text written by the public, whoever looks."""

    due_date: datetime.date
    kind: str
    number: str
    status: str
    url: str


@dataclass(frozen=True)
class DeadlineSource:
    """A kind of case on the dashboard's deadline panels: its name, the policy that decides
    who sees its cases at all, the open cases a user may see (`open_cases(user)`, a queryset
    of cases with a `due_date`) and the URL name of a case's back-office page."""

    kind: str
    policy: object
    open_cases: Callable
    url_name: str

    def falling_due(self, user, until: datetime.date) -> list[DueCase] | None:
        """The user's open cases due on or before `until`; None if they may see none."""
        if not self.policy.allows(user, Action.VIEW):
            return None
        return [
            DueCase(
                due_date=case.due_date,
                kind=str(self.kind),
                number=case.number,
                status=case.get_status_display(),
                url=reverse(self.url_name, args=[case.pk]),
            )
            for case in self.open_cases(user).filter(due_date__lte=until)
        ]


DEADLINE_SOURCES: list[DeadlineSource] = []


def register_case_deadlines(kind, policy, open_cases: Callable, url_name: str) -> None:
    """Called from a case app's wagtail_hooks: its open cases join the deadline panels."""
    DEADLINE_SOURCES.append(DeadlineSource(kind, policy, open_cases, url_name))


def cases_falling_due(user, until: datetime.date) -> list[DueCase] | None:
    """Every kind's open cases due by `until`, earliest first; None if the user may see no
    kind of case with a due date."""
    found = [
        rows
        for rows in (source.falling_due(user, until) for source in DEADLINE_SOURCES)
        if rows is not None
    ]
    if not found:
        return None
    return sorted(row for rows in found for row in rows)


class DeadlinePanel(Component):
    """A dashboard panel of cases falling due (overdue, or due this week)."""

    template_name = "cases/admin/deadline_panel.html"
    limit = 10

    def __init__(self, name: str, heading, order: int, cases: list[DueCase], empty):
        self.name, self.heading, self.order = name, heading, order
        self.cases, self.empty = cases, empty

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "cases": self.cases[: self.limit],
            "hidden": max(len(self.cases) - self.limit, 0),
            "empty": self.empty,
            "today": timezone.localdate(),
        }
