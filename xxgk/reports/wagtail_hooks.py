from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from xxgk.orgs.policy import Action

from . import admin_urls
from .models import (
    AdmissionResult,
    CadreChange,
    Channel,
    ChannelMonth,
    FeeSchedule,
    OutreachEvent,
    OutreachMember,
    ProbationAssessment,
    ProcurementNotice,
)
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


def _viewset(model_, columns, filters=(), search=()):
    """A snippet viewset for one counted record type (office only: see permissions)."""
    return type(
        f"{model_.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": model_,
            "list_display": columns,
            "list_filter": list(filters),
            "search_fields": list(search) or None,
            "list_per_page": 50,
            "add_to_admin_menu": False,
        },
    )


class ReportRecordsGroup(SnippetViewSetGroup):
    menu_label = "年度报告数据"
    menu_icon = "table"
    menu_order = 281
    items = (
        _viewset(Channel, ["name", "kind", "sort_order"], ["kind"]),
        _viewset(ChannelMonth, ["channel", "month", "posts", "reads", "likes"], ["channel"]),
        _viewset(AdmissionResult, ["year", "province", "level", "admitted"], ["year", "level"]),
        _viewset(
            OutreachEvent,
            ["held_on", "kind", "title", "province", "city", "school", "reads"],
            ["kind"],
            ["title", "school"],
        ),
        _viewset(OutreachMember, ["school_year_start", "name", "unit"], ["school_year_start"]),
        _viewset(FeeSchedule, ["item", "scope", "standard", "basis", "effective_from"]),
        _viewset(
            ProcurementNotice, ["published_on", "kind", "title", "platform"], ["kind"], ["title"]
        ),
        _viewset(
            CadreChange,
            ["effective_on", "action", "level", "person", "position"],
            ["action", "level"],
            ["person"],
        ),
        _viewset(ProbationAssessment, ["assessed_on", "person", "position", "result"]),
    )


register_snippet(ReportRecordsGroup)
