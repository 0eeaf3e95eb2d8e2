from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import StaffSearchView


@hooks.register("register_admin_urls")
def register_staff_search_url():
    return [path("xxgk-search/", StaffSearchView.as_view(), name="xxgk_staff_search")]


@hooks.register("register_admin_menu_item")
def register_staff_search_menu_item():
    return MenuItem("全文检索", reverse("xxgk_staff_search"), icon_name="search", order=150)
