from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "xxgk.search"
    # Wagtail's own search app already uses the label "wagtailsearch"; "search" is generic.
    label = "xxgk_search"
    verbose_name = _("全文检索")

    def ready(self):
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.core.schedule import Job, register_job

        from . import signals, sqlite  # noqa: F401  (receivers; SQLite's version check)
        from .services import purge_search_log

        post_migrate.connect(_index_if_empty, sender=self)
        register_job(Job("purge_search_log", purge_search_log, hour=3))


def _index_if_empty(using="default", **kwargs):
    """Pages created by data migrations (the guide, the rules) or before this app was
    installed are indexed on the first migrate; later changes arrive by signals."""
    # Imported here: apps.py is imported before any model can load.
    from .services import ensure_index

    ensure_index(using=using)
