from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from xxgk.core.menu import PermissionMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_api_admin_urls():
    return [
        path("api-tokens/", views.TokenListView.as_view(), name="xxgk_api_tokens"),
        path("api-tokens/new/", views.TokenCreateView.as_view(), name="xxgk_api_token_create"),
        path(
            "api-tokens/<int:pk>/rotate/",
            views.TokenRotateView.as_view(),
            name="xxgk_api_token_rotate",
        ),
        path(
            "api-tokens/<int:pk>/revoke/",
            views.TokenRevokeView.as_view(),
            name="xxgk_api_token_revoke",
        ),
        path("api-calls/", views.CallLogView.as_view(), name="xxgk_api_calls"),
    ]


@hooks.register("register_settings_menu_item")
def register_token_menu_item():
    return PermissionMenuItem(
        _("接口令牌"),
        reverse("xxgk_api_tokens"),
        icon_name="key",
        order=900,
        permission="xxgk_api.view_integrationtoken",
    )


@hooks.register("register_reports_menu_item")
def register_call_log_menu_item():
    return PermissionMenuItem(
        _("接口调用记录"),
        reverse("xxgk_api_calls"),
        icon_name="history",
        order=900,
        permission="xxgk_api.view_apicalllog",
    )
