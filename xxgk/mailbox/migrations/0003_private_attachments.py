"""Letter attachments move out of MEDIA_ROOT (which nginx serves) into the private storage.

Stored names stay the same (``mailbox/YYYY/MM/…``); each existing file is copied into the
private storage and removed from MEDIA_ROOT. Files already moved are left alone, so the
migration can be run again after an interruption.
"""

from django.core.files.storage import default_storage
from django.db import migrations, models

import xxgk.core.storage


def move_to_private(apps, schema_editor):
    private = xxgk.core.storage.private_storage
    LetterAttachment = apps.get_model("mailbox", "LetterAttachment")
    for name in LetterAttachment.objects.values_list("file", flat=True).iterator():
        if not name or not default_storage.exists(name):
            continue
        if not private.exists(name):
            with default_storage.open(name, "rb") as source:
                saved = private.save(name, source)
            if saved != name:  # never expected: the name was checked free just above
                raise RuntimeError(f"private storage renamed {name} to {saved}")
        default_storage.delete(name)


def move_to_public(apps, schema_editor):
    private = xxgk.core.storage.private_storage
    LetterAttachment = apps.get_model("mailbox", "LetterAttachment")
    for name in LetterAttachment.objects.values_list("file", flat=True).iterator():
        if not name or not private.exists(name):
            continue
        if not default_storage.exists(name):
            with private.open(name, "rb") as source:
                default_storage.save(name, source)
        private.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("mailbox", "0002_encrypt_personal_data"),
    ]

    operations = [
        migrations.AlterField(
            model_name="letterattachment",
            name="file",
            field=models.FileField(
                storage=xxgk.core.storage.PrivateStorage(), upload_to="mailbox/%Y/%m/"
            ),
        ),
        migrations.RunPython(move_to_private, move_to_public, elidable=False),
    ]
