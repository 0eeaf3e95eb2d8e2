from django.utils.translation import gettext_lazy as _

from xxgk.cases import config


class RequestsConfig(config.CaseAppConfig):
    name = "xxgk.requests"
    verbose_name = _("依申请公开")
    retention_label = "applications"
    retention_order = 1
    finishes_on_a_date = True  # closed_on

    def ready(self):
        super().ready()  # figures (and tables 三, 四) and retention
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.core.schedule import DAILY_HOUR, Job, register_job

        from . import services, signals  # noqa: F401

        def daily():
            return {
                "closed": services.close_lapsed_corrections(),
                "unpaid": services.close_lapsed_fees(),
                "reminded": services.send_reminders(),
            }

        register_job(Job("requests_daily", daily, hour=DAILY_HOUR))
