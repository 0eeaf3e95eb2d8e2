from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LetterTemplate
from .selectors import can_handle


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


class CaseworkMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle(request.user) or request.user.handled_applications.exists()


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        CaseworkMenuItem("申请办理", reverse("requests_admin:index"), icon_name="list-ul", order=1),
        OfficeMenuItem(
            "登记来信来访申请", reverse("requests_admin:register"), icon_name="plus", order=2
        ),
        OfficeMenuItem("统计", reverse("requests_admin:statistics"), icon_name="table", order=3),
        OfficeMenuItem(
            "告知书模板",
            reverse("wagtailsnippets_requests_lettertemplate:list"),
            icon_name="doc-full",
            order=4,
        ),
    ]
    return SubmenuMenuItem("依申请公开", Menu(items=items), icon_name="mail", order=250)
