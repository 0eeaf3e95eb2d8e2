from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from xxgk.security.retention import CaseKind, register_case_kind


class RequestsConfig(AppConfig):
    name = "xxgk.requests"
    label = "requests"
    verbose_name = _("依申请公开")

    def ready(self):
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.core.schedule import DAILY_HOUR, Job, register_job

        from . import figures, selectors, services, signals  # noqa: F401

        figures.register()  # the annual report's figures and tables 三, 四

        def daily():
            return {
                "closed": services.close_lapsed_corrections(),
                "unpaid": services.close_lapsed_fees(),
                "reminded": services.send_reminders(),
            }

        register_job(Job("requests_daily", daily, hour=DAILY_HOUR))

        register_case_kind(
            CaseKind(
                "applications",
                selectors.past_retention,
                services.erase_personal_data,
                order=1,
            )
        )
