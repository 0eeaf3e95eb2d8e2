from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "xxgk.feeds"
    label = "feeds"
    verbose_name = _("订阅与站点地图")
