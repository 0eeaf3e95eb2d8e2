from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "xxgk.complaints"
    label = "complaints"
    verbose_name = _("信息公开工作举报")

    def ready(self):
        # Imported here: selectors and services import models, which cannot load before the app
        # registry is ready.
        from xxgk.cases.services import register_retention

        from . import figures, selectors, services

        figures.register()  # the annual report's figures

        register_retention(
            "complaints", selectors.past_retention, services.erase_personal_data, order=3
        )
