from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "xxgk.catalogue"
    label = "catalogue"
    verbose_name = "信息公开事项清单"

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import signals  # noqa: F401
