"""Re-encrypt every encrypted field with the current key, after a new key was put in front.

Key rotation: set FIELD_ENCRYPTION_KEY=new,old, run this command, then drop the old key.
Blind indexes are recomputed under the new key at the same time.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from xxgk.security.fields import BlindIndexField, EncryptedCharField


def protected_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, EncryptedCharField | BlindIndexField)
    ]


class Command(BaseCommand):
    help = "用当前密钥重新加密所有加密存储的个人信息（密钥轮换）。"

    def handle(self, *args, **options):
        for model in apps.get_models():
            fields = protected_fields(model)
            if not fields:
                continue
            count = 0
            with transaction.atomic():
                for row in model.objects.select_for_update().order_by("pk").iterator():
                    row.save(update_fields=fields)
                    count += 1
            self.stdout.write(f"{model._meta.label}: {count}")
