"""The AppConfig of an app that holds one kind of case."""

from importlib import import_module

from django.apps import AppConfig


class CaseAppConfig(AppConfig):
    """Registers what every kind of case has: the annual report's figures (the app's
    `figures` module) and the erasure of its personal data after the retention period (its
    `selectors` and `services` modules). Set `retention_label` and `retention_order` (and
    `finishes_on_a_date` where cases close on a date, not at a moment); extend `ready()` for
    the app's own jobs and signals.

    Subclass it as `config.CaseAppConfig`, importing the module rather than the class: Django
    takes an app's config from the one AppConfig subclass its apps.py holds.
    """

    retention_label = ""
    retention_order = 0
    finishes_on_a_date = False

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app
        # registry is ready. They are the app's own modules (self.name), never a higher layer.
        from xxgk.cases.services import register_retention

        modules = ("figures", "selectors", "services")
        figures, selectors, services = (import_module(f"{self.name}.{m}") for m in modules)
        figures.register()  # the annual report's figures
        register_retention(
            self.retention_label,
            selectors.past_retention,
            services.erase_personal_data,
            order=self.retention_order,
            by_date=self.finishes_on_a_date,
        )
