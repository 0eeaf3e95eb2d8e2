"""The pages every kind of case has: the receipt shown once after submitting and the tracker
(number + query code), described by one TrackedPages; and, on the back-office case page,
who sees the personal data."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.shortcuts import redirect, render
from django.urls import path
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
    finds it; `scope` rate-limits failed look-ups."""

    namespace: str
    name: str
    lookup: Callable
    scope: str

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
    return render(request, f"{pages.namespace}/track.html", context, status=status)


def personal_data_shown(request, policy, case, fields, what: str) -> bool:
    """Whether this user sees the case's personal data on its page; the audit log records
    every time any is shown (`what` says where)."""
    shown = policy.allows(request.user, Action.READ_PERSONAL_DATA, case)
    if shown and any(getattr(case, name) for name in fields):
        log_reveal(request, case, what)
    return shown
