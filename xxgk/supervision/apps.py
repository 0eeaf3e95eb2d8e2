from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "xxgk.supervision"
    label = "supervision"
    verbose_name = _("监督检查")

    def ready(self):
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.core.schedule import Job, register_job

        from . import figures
        from .services import run_supervision

        post_migrate.connect(_ensure_triggers, sender=self, dispatch_uid="xxgk_supervision_daily")
        figures.register()  # the annual report's figures and its catalogue table

        register_job(
            Job(
                "supervise",
                lambda: run_supervision(today=timezone.localdate()),
                hour=lambda: settings.XXGK_SUPERVISION_RUN_HOUR,
            )
        )


def _ensure_triggers(sender, using, **kwargs):
    """SQLite drops a table's triggers when a migration rebuilds the table (db.py)."""
    # Imported here: apps.py is imported before any model can load.
    from django.db import connections

    from .db import ensure_triggers

    ensure_triggers(connections[using])
