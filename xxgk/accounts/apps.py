from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "xxgk.accounts"
    label = "accounts"
    verbose_name = "登录与账户安全"

    def ready(self):
        from . import signals  # noqa: F401
