"""A refused back-office action answers 403, not Wagtail's redirect to the dashboard.

Wagtail turns PermissionDenied raised in admin views into a flash message and a 302 to the
admin home, and its bulk actions quietly skip the objects one may not touch. For a
disclosure platform a refusal must be unambiguous to people, scripts and audits alike
("谁公开、谁负责": refused, nothing saved), so the refusal is a 403 page. It gives the
reason the domain's policy gave, if any, and says what the person's roles can and cannot do
(the explainers: orgs registers its own from ``AppConfig.ready()``; core imports no app).
"""

import sys
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

# Each takes the refused user and returns sentences about what they can do.
_explainers: list[Callable[..., list[str]]] = []


def register_explainer(explainer: Callable[..., list[str]]) -> None:
    if explainer not in _explainers:
        _explainers.append(explainer)


def refusal(request, reason: str = "") -> TemplateResponse:
    """The back office's 403 page: the reason, and what the person's roles can do."""
    scopes = [line for explain in _explainers for line in explain(request.user)]
    return TemplateResponse(
        request, "core/admin_403.html", {"reason": reason, "role_scopes": scopes}, status=403
    )


def _admin_language(request) -> str:
    """The language Wagtail renders this user's admin in (their preference, else the
    request's): a refusal caught outside the view is rendered outside Wagtail's override."""
    profile = getattr(request.user, "wagtail_userprofile", None)
    if profile is not None:
        return profile.get_preferred_language()
    return translation.get_language()


def permission_denied(request):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    # Called from Wagtail's `except PermissionDenied:` (views raising it) or from its
    # permission decorators (no exception): the policy's reason, when there is one.
    exception = sys.exc_info()[1]
    reason = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    with translation.override(_admin_language(request)):
        return refusal(request, reason).render()


def install():
    from wagtail.admin import auth

    auth.permission_denied = permission_denied


class RefusedAsAWhole:
    """Mixed into every Wagtail bulk action: a selection holding any object the user may not
    act on (the page permission tester, so the domain policy, or Wagtail's permission
    policy decides) is refused as a whole, with a 403 and nothing done."""

    def dispatch(self, request, *args, **kwargs):
        _allowed, refused = self.get_actionable_objects()
        if refused["items_with_no_access"]:
            raise PermissionDenied(_("所选对象中有您无权执行此操作的对象，操作未执行。"))
        return super().dispatch(request, *args, **kwargs)


def refused_as_a_whole(action_class):
    return type(action_class.__name__, (RefusedAsAWhole, action_class), {})
