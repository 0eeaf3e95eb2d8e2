from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from xxgk.orgs.policy import Action

from .models import LetterTemplate
from .policy import request_policy


class LetterTemplateViewSet(SnippetViewSet):
    model = LetterTemplate
    icon = "doc-full"
    menu_label = "告知书模板"
    add_to_admin_menu = False
    list_display = ["kind", "title", "updated_at"]


register_snippet(LetterTemplateViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("requests/", include("xxgk.requests.admin_urls"))]


class PolicyMenuItem(MenuItem):
    """Shown to whoever the requests policy allows ``action`` (without a particular case)."""

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return request_policy.allows(request.user, self.action)


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        PolicyMenuItem(
            "申请办理",
            reverse("requests_admin:index"),
            icon_name="list-ul",
            order=1,
            action=Action.VIEW,
        ),
        PolicyMenuItem(
            "登记来信来访申请",
            reverse("requests_admin:register"),
            icon_name="plus",
            order=2,
            action=Action.EDIT,
        ),
        PolicyMenuItem(
            "统计",
            reverse("requests_admin:statistics"),
            icon_name="table",
            order=3,
            action=Action.VIEW_STATISTICS,
        ),
        PolicyMenuItem(
            "告知书模板",
            reverse("wagtailsnippets_requests_lettertemplate:list"),
            icon_name="doc-full",
            order=4,
            action=Action.EDIT,
        ),
    ]
    return SubmenuMenuItem("依申请公开", Menu(items=items), icon_name="mail", order=250)
