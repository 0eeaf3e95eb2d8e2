from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "xxgk.disclosures"
    label = "disclosures"
    verbose_name = "公开信息"
