from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "xxgk.security"
    label = "security"
    verbose_name = "安全"
