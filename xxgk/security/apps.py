from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "xxgk.security"
    label = "security"
    verbose_name = _("安全")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import checks  # noqa: F401 - registers the system checks
