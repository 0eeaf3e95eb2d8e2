from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "xxgk.security"
    label = "security"
    verbose_name = "安全"

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import checks  # noqa: F401 - registers the system checks
