from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "xxgk.portal"
    label = "portal"
    verbose_name = "公开门户"
