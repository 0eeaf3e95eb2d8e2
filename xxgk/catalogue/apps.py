from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "xxgk.catalogue"
    label = "catalogue"
    verbose_name = _("信息公开事项清单")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import signals  # noqa: F401
