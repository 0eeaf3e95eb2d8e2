"""The pages every kind of case has: the receipt shown once after submitting and the tracker
(number + query code), described by one TrackedPages; and, on the back-office case page,
who sees the personal data and the handling steps (CaseAction) with their panels."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from xxgk.orgs.policy import Action
from xxgk.security.personal_data import log_reveal
from xxgk.security.public_forms import track_submission

from .forms import TrackForm


@dataclass(frozen=True)
class TrackedPages:
    """`namespace` is the app's URL namespace and template folder (receipt.html, track.html,
    extending cases/); `name` is what the templates call the case; `lookup(number, code)`
    finds it; `scope` rate-limits failed look-ups; `details(case)`, if given, adds to the
    tracker's context what the app shows of a case found (its due date, its timeline)."""

    namespace: str
    name: str
    lookup: Callable
    scope: str
    details: Callable | None = None

    @property
    def session_key(self) -> str:
        return f"{self.name}_receipt"

    def keep_receipt(self, request, case, code: str, **shown) -> None:
        """Hold the number and query code for the receipt page: the code is never in a URL."""
        request.session[self.session_key] = {
            "number": case.number,
            "code": code,
            "subject": case.subject,
            **shown,
        }

    def urls(self) -> list:
        return [
            path("receipt/", partial(receipt, pages=self), name="receipt"),
            path("track/", partial(track, pages=self), name="track"),
        ]


@never_cache
def receipt(request, *, pages: TrackedPages):
    """Shown after the case is committed; without one in the session, go to the tracker."""
    data = request.session.get(pages.session_key)
    if not data:
        return redirect(f"{pages.namespace}:track")
    context = {"receipt": data, "tracker": f"{pages.namespace}:track"}
    return render(request, f"{pages.namespace}/receipt.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def track(request, *, pages: TrackedPages):
    """The case, for whoever holds both its number and its query code."""
    form = TrackForm(request.POST if request.method == "POST" else None)
    case, status = track_submission(request, form, scope=pages.scope, lookup=pages.lookup)
    context = {"form": form, "case": case, pages.name: case}
    if case is not None and pages.details is not None:
        context.update(pages.details(case))
    return render(request, f"{pages.namespace}/track.html", context, status=status)


def listing_query(request) -> str:
    """A listing's filters as a query string, without the page: its export takes the same."""
    filters = request.GET.copy()
    filters.pop("page", None)
    return filters.urlencode()


def personal_data_shown(request, policy, case, fields, what: str) -> bool:
    """Whether this user sees the case's personal data on its page; the audit log records
    every time any is shown (`what` says where)."""
    shown = policy.allows(request.user, Action.READ_PERSONAL_DATA, case)
    if shown and any(getattr(case, name) for name in fields):
        log_reveal(request, case, what)
    return shown


@dataclass(frozen=True)
class ExportLink:
    """The button to a case register's export (cases/admin/export_link.html); the register
    holds personal data, so its hint says that every export is logged."""

    url: str
    label: str
    hint: str


@dataclass(frozen=True)
class CaseAction:
    """One handling step of a kind of case: its form, the service call that performs it
    (`perform(case, user, form)`), and the words of its panel on the case page. `button`
    defaults to the title; `secondary` marks a step that ends or undoes something;
    `expanded`, a step shown unfolded where a page folds its steps (the one most often next)."""

    form: type[forms.Form]
    perform: Callable
    title: str
    button: str = ""
    success: str = _("已保存。")
    secondary: bool = False
    expanded: bool = False

    def retitled(self, title: str):
        """The same step under another name (a second assignment is a transfer)."""
        return replace(self, title=title, button=title)


@dataclass(frozen=True)
class ActionPanel:
    """What cases/admin/action_form.html shows for one step offered now."""

    name: str
    form: forms.Form
    step: CaseAction
    url: str

    @property
    def title(self):
        return self.step.title

    @property
    def button(self):
        return self.step.button or self.step.title


def action_panels(case, forms: dict, steps: dict, url_name: str) -> list[ActionPanel]:
    """The panels of the steps offered now, in the order of `forms`; each posts to
    `url_name` with the case and the step's name."""
    return [
        ActionPanel(name, form, steps[name], reverse(url_name, args=[case.pk, name]))
        for name, form in forms.items()
    ]


def _refusal_onto(form, exc: ValidationError) -> None:
    """A rule's refusal on the form: on the field it names where the form has that field."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def perform_action(request, case, step: CaseAction, form) -> bool:
    """Validate and perform one step; a refusal by the domain's rules lands on the form
    (nothing is written), success leaves a message for the next page."""
    if not form.is_valid():
        return False
    try:
        step.perform(case, request.user, form)
    except ValidationError as exc:
        _refusal_onto(form, exc)
        return False
    messages.success(request, step.success)
    return True
