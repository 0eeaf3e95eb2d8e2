from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, user_department

from . import selectors, urls
from .models import Inspection
from .obligations import SEVERITY
from .periods import Period
from .policy import supervision_policy


@hooks.register("register_admin_urls")
def register_supervision_urls():
    return [path("supervision/", include(urls, namespace="supervision"))]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return supervision_policy.allows(request.user, Action.VIEW_STATISTICS)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("公开监督"), reverse("supervision:dashboard"), icon_name="view", order=250
    )


class InspectionCreateView(CreateView):
    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class InspectionViewSet(ModelViewSet):
    """The office records inspections; supervisors and leaders may only look."""

    model = Inspection
    add_view_class = InspectionCreateView
    icon = "clipboard-list"
    menu_label = _("监督检查")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["department", "inspected_on", "rectification_deadline", "result"]
    list_filter = ["result", "department"]
    form_fields = [
        "department",
        "inspected_on",
        "findings",
        "rectification_deadline",
        "result",
        "rectified_on",
        "result_note",
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        for name in ("inspected_on", "rectification_deadline", "rectified_on"):
            form_class.base_fields[name].error_messages["invalid"] = _("请输入正确的日期。")
        return form_class


inspection_viewset = InspectionViewSet("inspections")


@hooks.register("register_admin_viewset")
def register_inspection_viewset():
    return inspection_viewset


class ObligationsPanel(Component):
    """A department editor's own obligations, worst first, and their unread notices."""

    name = "supervision_obligations"
    template_name = "supervision/home_panel.html"
    order = 50

    def __init__(self, request, department):
        self.request, self.department = request, department

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        result = selectors.obligation_set(
            Period.school_year_of(today), today=today, department=self.department
        )
        open_rows = sorted(
            (o for o in result.obligations if o.is_open),
            key=lambda o: (SEVERITY[o.status], o.deadline),
        )
        return {
            "department": self.department,
            "period": result.period,
            "obligations": open_rows[:15],
            "hidden": max(len(open_rows) - 15, 0),
            "counts": result.status_counts(),
            "notices": selectors.unread_notices(self.request.user),
            "csrf_token": parent_context.get("csrf_token"),
        }


class OverviewPanel(Component):
    """The office, supervisors and leaders see the school-wide counts and a way in."""

    name = "supervision_overview"
    template_name = "supervision/home_overview.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        period = Period.school_year_of(today)
        data = selectors.dashboard_data(period, today=today)
        return {
            "period": period,
            "counts": data["counts"],
            "failing": data["failing"][:10],
            "notices": selectors.unread_notices(self.request.user),
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_supervision_panels(request, panels):
    if supervision_policy.allows(request.user, Action.VIEW_STATISTICS):
        panels.append(OverviewPanel(request))
        return
    department = user_department(request.user)
    if department is not None and has_role(request.user, Role.EDITOR):
        panels.append(ObligationsPanel(request, department))
