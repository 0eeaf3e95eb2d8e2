from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "xxgk.core"
    label = "core"
    verbose_name = "基础"

    def ready(self):
        from . import admin_denied, spreadsheets

        admin_denied.install()
        spreadsheets.install()
