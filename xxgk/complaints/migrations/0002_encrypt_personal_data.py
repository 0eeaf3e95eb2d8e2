"""Phone numbers encrypted at rest; the date personal data was erased under the retention rule."""

from django.db import migrations, models

import xxgk.security.fields
from xxgk.security.fields import decrypt_in_place, encrypt_in_place


def encrypt_existing(apps, schema_editor):
    encrypt_in_place(apps.get_model("complaints", "Complaint"), schema_editor.connection, ["phone"])


def decrypt_existing(apps, schema_editor):
    decrypt_in_place(apps.get_model("complaints", "Complaint"), schema_editor.connection, ["phone"])


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="personal_data_erased_on",
            field=models.DateField(blank=True, null=True, verbose_name="个人信息删除日期"),
        ),
        migrations.AlterField(
            model_name="complaint",
            name="phone",
            field=xxgk.security.fields.EncryptedCharField(
                blank=True, max_length=30, verbose_name="联系电话"
            ),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
    ]
