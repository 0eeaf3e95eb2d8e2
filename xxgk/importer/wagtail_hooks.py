from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from xxgk.core.menu import PermissionMenuItem

from .views import ImportView


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("import-site/", ImportView.as_view(), name="xxgk_import_site")]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("导入历史信息"),
        reverse("xxgk_import_site"),
        icon_name="download",
        order=910,
        permission="importer.add_importrun",
    )
