from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "xxgk.reports"
    label = "reports"
    verbose_name = "年度报告"

    def ready(self):
        # Imported here: figures import models, which cannot load before the app registry is
        # ready.
        from . import figures

        figures.register()  # the figures over the records the office enters
