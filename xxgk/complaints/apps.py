from django.utils.translation import gettext_lazy as _

from xxgk.cases import config


class ComplaintsConfig(config.CaseAppConfig):
    name = "xxgk.complaints"
    verbose_name = _("信息公开工作举报")
    retention_label = "complaints"
    retention_order = 3
