from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from xxgk.cases import config


class MailboxConfig(config.CaseAppConfig):
    name = "xxgk.mailbox"
    verbose_name = _("领导信箱")
    retention_label = "letters"
    retention_order = 2

    def ready(self):
        super().ready()  # figures and retention
        # Imported here: these modules import models (core.schedule too: the task backend's),
        # which cannot load before the app registry is ready.
        from xxgk.cases.services import register_word_finder
        from xxgk.core.schedule import DAILY_HOUR, Job, register_job

        from . import services
        from .models import SensitiveWord
        from .sensitive import find_sensitive_words, forget_sensitive_words

        register_job(
            Job("remind_overdue_letters", services.remind_overdue_letters, hour=DAILY_HOUR)
        )

        # The office's edits to the word list take effect on the next submission.
        for signal in (post_save, post_delete):
            signal.connect(
                forget_sensitive_words, sender=SensitiveWord, dispatch_uid=f"sw-{signal}"
            )

        register_word_finder(find_sensitive_words)  # letters' and complaints' alike
