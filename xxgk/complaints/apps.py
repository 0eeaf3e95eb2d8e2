from django.apps import AppConfig

from xxgk.security.retention import CaseKind, register_case_kind, start_of_day


class ComplaintsConfig(AppConfig):
    name = "xxgk.complaints"
    label = "complaints"
    verbose_name = "信息公开工作举报"

    def ready(self):
        # Imported here: selectors and services import models, which cannot load before the app
        # registry is ready.
        from . import figures, selectors, services

        figures.register()  # the annual report's figures

        register_case_kind(
            CaseKind(
                "complaints",
                lambda cutoff: selectors.past_retention(start_of_day(cutoff)),
                services.erase_personal_data,
                order=3,
            )
        )
