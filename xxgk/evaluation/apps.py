from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "xxgk.evaluation"
    label = "evaluation"
    verbose_name = _("信息公开评议")

    def ready(self):
        # Imported here: figures import models, which cannot load before the app registry is
        # ready.
        from . import figures

        figures.register()  # the annual report's figures
