from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "xxgk.orgs"
    label = "orgs"
    verbose_name = "部门与人员"

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import signals  # noqa: F401
