from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from xxgk.cases.wagtail import (
    PolicyMenuItem,
    register_case_admin,
    register_case_deadlines,
)
from xxgk.orgs.policy import Action

from . import admin_urls
from .models import LetterTemplate
from .policy import request_policy
from .selectors import running_applications


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full"
    menu_label = _("告知书模板")
    add_to_admin_menu = False
    list_display = ["kind", "title", "updated_at"]


register_snippet(LetterTemplateViewSet)


MENU = [
    (_("申请办理"), "requests_admin:index", "list-ul", Action.VIEW),
    (_("登记来信来访申请"), "requests_admin:register", "plus", Action.EDIT),
    (pgettext_lazy("menu", "统计"), "requests_admin:statistics", "table", Action.VIEW_STATISTICS),
    (_("告知书模板"), "wagtailsnippets_requests_lettertemplate:list", "doc-full", Action.EDIT),
]


def menu():
    items = [
        PolicyMenuItem(
            label, reverse(url), icon_name=icon, order=order, policy=request_policy, action=action
        )
        for order, (label, url, icon, action) in enumerate(MENU, start=1)
    ]
    return SubmenuMenuItem(_("依申请公开"), Menu(items=items), icon_name="mail", order=250)


register_case_admin("requests/", admin_urls, menu)


register_case_deadlines(
    _("依申请公开"), request_policy, running_applications, "requests_admin:detail"
)
