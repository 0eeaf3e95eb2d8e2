from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "xxgk.pagecache"
    label = "pagecache"
    verbose_name = _("页面缓存")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import signals  # noqa: F401
