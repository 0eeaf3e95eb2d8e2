from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class MailboxConfig(AppConfig):
    name = "xxgk.mailbox"
    label = "mailbox"
    verbose_name = "领导信箱"

    def ready(self):
        from .models import SensitiveWord
        from .sensitive import forget_sensitive_words

        # The office's edits to the word list take effect on the next submission.
        for signal in (post_save, post_delete):
            signal.connect(
                forget_sensitive_words, sender=SensitiveWord, dispatch_uid=f"sw-{signal}"
            )
