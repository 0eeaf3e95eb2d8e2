from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "xxgk.registers"
    label = "registers"
    verbose_name = _("年度报告数据")

    def ready(self):
        # Imported here: figures import models, which cannot load before the app registry is
        # ready.
        from . import figures

        figures.register()  # the annual report's figures over these registers
