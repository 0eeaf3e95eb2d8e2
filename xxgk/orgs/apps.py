from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "xxgk.orgs"
    label = "orgs"
    verbose_name = _("部门与人员")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from xxgk.core.admin_denied import register_explainer

        from . import signals  # noqa: F401
        from .selectors import role_scopes

        # The back office's 403 page says what the refused person's roles can do.
        register_explainer(role_scopes)
