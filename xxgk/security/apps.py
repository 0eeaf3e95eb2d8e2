from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "xxgk.security"
    label = "security"
    verbose_name = "安全"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
