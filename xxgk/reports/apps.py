from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "xxgk.reports"
    label = "reports"
    verbose_name = "年度报告"

    def ready(self):
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.core.schedule import DAILY_HOUR, Job, register_job

        from . import figures
        from .tasks import remind_annual_report

        figures.register()  # the figures over the records the office enters

        register_job(Job("remind_annual_report", remind_annual_report, hour=DAILY_HOUR))
