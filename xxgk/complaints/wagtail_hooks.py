from django.utils.translation import gettext_lazy as _

from xxgk.cases.wagtail import menu_entry, register_case_admin

from . import admin_urls
from .policy import complaint_policy

menu = menu_entry(
    _("信息公开举报"), "complaints_admin:list", icon="warning", order=260, policy=complaint_policy
)
register_case_admin("complaints/", admin_urls, menu)
