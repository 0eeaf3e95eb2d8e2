from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from xxgk.orgs.policy import Action

from . import admin_urls
from .policy import complaint_policy


class ComplaintMenuItem(MenuItem):
    def is_shown(self, request):
        return complaint_policy.allows(request.user, Action.VIEW)


@hooks.register("register_admin_urls")
def register_complaint_admin_urls():
    return [path("complaints/", include(admin_urls, namespace="complaints_admin"))]


@hooks.register("register_admin_menu_item")
def register_complaints_menu_item():
    return ComplaintMenuItem(
        "信息公开举报", reverse("complaints_admin:list"), icon_name="warning", order=260
    )
