"""The registers' admin: their lists (the 年度报告数据 menu group, office only: see the
permissions in xxgk/orgs/roles.py), their import page, and links to both on the report desk
(through the desk's ``xxgk_report_desk_links`` hook: the desk does not import this app)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from xxgk.orgs.policy import Action
from xxgk.reports.admin_views import DESK_LINKS_HOOK
from xxgk.reports.policy import report_policy

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


@hooks.register("register_admin_urls")
def register_registers_admin_urls():
    return [path("registers/", include(admin_urls, namespace="registers_admin"))]


@hooks.register(DESK_LINKS_HOOK)
def report_desk_links(request):
    """The import page on the desk, for those who may import (the office)."""
    if not report_policy.allows(request.user, Action.EDIT):
        return []
    return [(_("导入数据"), reverse("registers_admin:import"))]


def _viewset(model_, columns, filters=(), search=()):
    """A snippet viewset for one register (office only: see permissions)."""
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


class RegistersGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("年度报告数据")
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


register_snippet(RegistersGroup)
