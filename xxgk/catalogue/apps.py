from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "xxgk.catalogue"
    label = "catalogue"
    verbose_name = "信息公开事项清单"

    def ready(self):
        from . import signals  # noqa: F401
