from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Department, StaffProfile


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("部门")
    list_display = ["name", "code", "contact_person", "phone", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "code"]


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("人员所属部门")
    list_display = ["user", "department", "phone"]
    list_filter = ["department"]


class OrganisationGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, StaffProfileViewSet)
    menu_icon = "group"
    menu_label = _("部门与人员")
    menu_name = "organisation"


register_snippet(OrganisationGroup)
