from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "xxgk.api"
    label = "xxgk_api"
    verbose_name = "开放接口"
