from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "xxgk.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import admin_denied, spreadsheets

        admin_denied.install()
        spreadsheets.install()
