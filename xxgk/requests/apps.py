from django.apps import AppConfig


class RequestsConfig(AppConfig):
    name = "xxgk.requests"
    label = "requests"
    verbose_name = "依申请公开"

    def ready(self):
        from . import signals  # noqa: F401
