from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from xxgk.orgs.policy import Action

from . import admin_urls
from .policy import report_policy


class ReportDeskMenuItem(MenuItem):
    def is_shown(self, request):
        return report_policy.allows(request.user, Action.VIEW)


@hooks.register("register_admin_urls")
def register_report_admin_urls():
    return [path("annual-report/", include(admin_urls, namespace="reports_admin"))]


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportDeskMenuItem(
        "年度报告", reverse("reports_admin:desk"), icon_name="doc-full", order=280
    )
