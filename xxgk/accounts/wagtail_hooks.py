from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.VerifyView.as_view(), name="xxgk_two_factor_verify"),
        path("two-factor/enrol/", views.EnrolView.as_view(), name="xxgk_two_factor_enrol"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("xxgk_two_factor_enrol"),
        "label": _("双重认证"),
        "help_text": _("用手机身份验证器生成的动态验证码保护您的账户。"),
    }
