from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "xxgk.disclosures"
    label = "disclosures"
    verbose_name = "公开信息"

    def ready(self):
        # Imported here: models cannot load before the app registry is ready.
        from xxgk.viewcounts.selectors import register_countable

        from . import signals  # noqa: F401  (no view restriction may hide a disclosure)
        from .models import DisclosurePage

        # Live disclosures, and only they, count their readers.
        register_countable(DisclosurePage)
