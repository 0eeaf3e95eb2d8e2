from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ViewCountsConfig(AppConfig):
    name = "xxgk.viewcounts"
    label = "viewcounts"
    verbose_name = _("浏览计数")
