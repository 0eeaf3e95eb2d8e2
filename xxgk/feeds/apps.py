from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "xxgk.feeds"
    label = "feeds"
    verbose_name = "订阅与站点地图"
