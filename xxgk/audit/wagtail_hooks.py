from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from xxgk.orgs.policy import Action

from .policy import audit_policy
from .views import AuditLogView


@hooks.register("register_admin_urls")
def register_audit_urls():
    return [path("audit/", AuditLogView.as_view(), name="xxgk_audit_events")]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return audit_policy.allows(request.user, Action.VIEW)


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("审计日志"), reverse("xxgk_audit_events"), icon_name="history", order=950
    )
