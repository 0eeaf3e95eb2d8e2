from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "xxgk.audit"
    label = "audit"
    verbose_name = _("审计日志")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import db, signals  # noqa: F401  (SQLite function; state-change and login receivers)

        post_migrate.connect(_ensure_triggers, sender=self, dispatch_uid="xxgk_audit_triggers")


def _ensure_triggers(sender, using, **kwargs):
    # Imported here: apps.py is imported before any model can load.
    from django.db import connections

    from .db import install_triggers

    install_triggers(connections[using])
