from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "xxgk.importer"
    label = "importer"
    verbose_name = _("历史信息导入")
