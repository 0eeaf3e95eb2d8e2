"""Applicants' ID numbers and phone numbers encrypted at rest, with a blind index for lookups;
the separate access log folded into the audit log (personal_data.viewed)."""

from django.conf import settings
from django.db import migrations, models

import xxgk.security.fields
from xxgk.security.fields import decrypt_in_place, encrypt_in_place


def encrypt_existing(apps, schema_editor):
    Application = apps.get_model("requests", "Application")
    encrypt_in_place(
        Application,
        schema_editor.connection,
        ["id_number", "phone"],
        index=("id_number_index", ["id_type", "id_number"]),
    )


def decrypt_existing(apps, schema_editor):
    Application = apps.get_model("requests", "Application")
    decrypt_in_place(Application, schema_editor.connection, ["id_number", "phone"])


def move_accesses_to_audit_log(apps, schema_editor):
    Access = apps.get_model("requests", "PersonalDataAccess")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not Access.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="requests", model="application")
    AuditEvent.objects.bulk_create(
        AuditEvent(
            created_at=access.at,
            action="personal_data.viewed",
            actor_id=access.user_id,
            actor_repr=access.user.username,
            target_content_type=content_type,
            target_pk=str(access.application_id),
            target_repr=access.application.number,
            detail={"purpose": access.purpose},
        )
        for access in Access.objects.select_related("user", "application").order_by("at", "pk")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("requests", "0001_initial"),
        ("audit", "0002_append_only_triggers"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="id_number_index",
            field=xxgk.security.fields.BlindIndexField(of=["id_type", "id_number"]),
        ),
        migrations.AddField(
            model_name="application",
            name="personal_data_erased_on",
            field=models.DateField(blank=True, null=True, verbose_name="个人信息删除日期"),
        ),
        migrations.AlterField(
            model_name="application",
            name="id_number",
            field=xxgk.security.fields.EncryptedCharField(max_length=40, verbose_name="证件号码"),
        ),
        migrations.AlterField(
            model_name="application",
            name="phone",
            field=xxgk.security.fields.EncryptedCharField(max_length=30, verbose_name="联系电话"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
        migrations.RunPython(move_accesses_to_audit_log, migrations.RunPython.noop),
        migrations.DeleteModel(name="PersonalDataAccess"),
    ]
