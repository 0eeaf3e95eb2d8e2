from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "xxgk.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self):
        from . import db, signals  # noqa: F401  (SQLite function; state-change and login receivers)

        post_migrate.connect(_ensure_triggers, sender=self, dispatch_uid="xxgk_audit_triggers")


def _ensure_triggers(sender, using, **kwargs):
    from django.db import connections

    from .db import install_triggers

    install_triggers(connections[using])
