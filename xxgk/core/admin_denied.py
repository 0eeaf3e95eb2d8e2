"""A refused back-office action answers 403, not Wagtail's redirect to the dashboard.

Wagtail turns PermissionDenied raised in admin views into a flash message and a 302 to the
admin home, and its bulk actions quietly skip the objects one may not touch. For a
disclosure platform a refusal must be unambiguous to people, scripts and audits alike
("谁公开、谁负责": refused, nothing saved), so the refusal is a 403 page.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def permission_denied(request):
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    response = TemplateResponse(
        request,
        "core/admin_403.html",
        {"reason": _("您没有执行此操作的权限：只能在本部门负责的信息公开事项下发布和修改信息。")},
        status=403,
    )
    return response.render()


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
