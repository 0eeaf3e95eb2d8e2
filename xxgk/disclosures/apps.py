from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "xxgk.disclosures"
    label = "disclosures"
    verbose_name = "公开信息"

    def ready(self):
        from . import signals  # noqa: F401  (no view restriction may hide a disclosure)
