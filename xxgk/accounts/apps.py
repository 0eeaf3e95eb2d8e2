from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "xxgk.accounts"
    label = "accounts"
    verbose_name = _("登录与账户安全")

    def ready(self):
        # Imported here: these modules import models, which cannot load before the app registry
        # is ready (apps.py is imported first).
        from . import signals  # noqa: F401
