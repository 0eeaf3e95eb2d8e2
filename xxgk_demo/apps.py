from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Only so that `manage.py load_demo` is found; the demo has no models."""

    name = "xxgk_demo"
    label = "xxgk_demo"
    verbose_name = "演示数据"
