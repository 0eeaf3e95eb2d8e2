from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "xxgk.importer"
    label = "importer"
    verbose_name = "历史信息导入"
