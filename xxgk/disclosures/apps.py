from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosuresConfig(AppConfig):
    name = "xxgk.disclosures"
    label = "disclosures"
    verbose_name = _("公开信息")

    def ready(self):
        # Imported here: models cannot load before the app registry is ready.
        from xxgk.viewcounts.selectors import register_countable

        from . import figures, signals  # noqa: F401  (signals: no view restriction hides one)
        from .models import DisclosurePage

        # Live disclosures, and only they, count their readers.
        register_countable(DisclosurePage)
        figures.register()  # the annual report's figures and table 二
