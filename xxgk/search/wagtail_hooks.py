from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .admin_views import SearchLogView, SynonymDeleteView, SynonymEditView, SynonymListView
from .policy import can_read_search_log, can_read_synonyms
from .views import StaffSearchView


@hooks.register("register_admin_urls")
def register_search_urls():
    return [
        path("xxgk-search/", StaffSearchView.as_view(), name="xxgk_staff_search"),
        path("xxgk-search/synonyms/", SynonymListView.as_view(), name="xxgk_search_synonyms"),
        path(
            "xxgk-search/synonyms/add/", SynonymEditView.as_view(), name="xxgk_search_synonym_add"
        ),
        path(
            "xxgk-search/synonyms/<int:pk>/edit/",
            SynonymEditView.as_view(),
            name="xxgk_search_synonym_edit",
        ),
        path(
            "xxgk-search/synonyms/<int:pk>/delete/",
            SynonymDeleteView.as_view(),
            name="xxgk_search_synonym_delete",
        ),
        path("xxgk-search/log/", SearchLogView.as_view(), name="xxgk_search_log"),
    ]


class _PolicyMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_search_menu():
    items = [
        MenuItem(_("全文检索"), reverse("xxgk_staff_search"), icon_name="search", order=1),
        _PolicyMenuItem(
            _("同义词与缩略语"),
            reverse("xxgk_search_synonyms"),
            icon_name="list-ul",
            order=2,
            allowed=can_read_synonyms,
        ),
        _PolicyMenuItem(
            _("搜索统计"),
            reverse("xxgk_search_log"),
            icon_name="doc-full",
            order=3,
            allowed=can_read_search_log,
        ),
    ]
    return SubmenuMenuItem(_("全文检索"), Menu(items=items), icon_name="search", order=150)
