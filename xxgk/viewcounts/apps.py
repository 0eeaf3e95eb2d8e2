from django.apps import AppConfig


class ViewCountsConfig(AppConfig):
    name = "xxgk.viewcounts"
    label = "viewcounts"
    verbose_name = "浏览计数"
