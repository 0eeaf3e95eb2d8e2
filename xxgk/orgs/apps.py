from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "xxgk.orgs"
    label = "orgs"
    verbose_name = "部门与人员"

    def ready(self):
        from . import signals  # noqa: F401
