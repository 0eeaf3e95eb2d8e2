from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The case kernel: what requests, letters and complaints share (numbers, timeline, tracker,
    notices, back-office wiring, personal data); each case app keeps only its own rules."""

    name = "xxgk.cases"
    label = "cases"
    verbose_name = _("办件公共部分")
