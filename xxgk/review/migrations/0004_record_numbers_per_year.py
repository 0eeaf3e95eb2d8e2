"""Review sheets are numbered 保审〔year〕N号 with N counting the year's sheets from 1 (it was
the database id). Existing sheets are numbered in the order they were decided, and the
year's counter continues after the last of them."""

import zoneinfo

from django.conf import settings
from django.db import migrations, models

PREFIX = "保审"


def number_existing(apps, schema_editor):
    ReviewRecord = apps.get_model("review", "ReviewRecord")
    SerialCounter = apps.get_model("core", "SerialCounter")
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    last = {}
    for record in ReviewRecord.objects.order_by("decided_at", "id").only("id", "decided_at"):
        year = record.decided_at.astimezone(zone).year
        last[year] = last.get(year, 0) + 1
        ReviewRecord.objects.filter(pk=record.pk).update(number_year=year, serial=last[year])
    for year, serial in last.items():
        SerialCounter.objects.update_or_create(
            prefix=PREFIX, year=year, defaults={"last_serial": serial}
        )


def forget_counters(apps, schema_editor):
    apps.get_model("core", "SerialCounter").objects.filter(prefix=PREFIX).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0003_ocr"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewrecord",
            name="number_year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="编号年度"),
        ),
        migrations.AddField(
            model_name="reviewrecord",
            name="serial",
            field=models.PositiveIntegerField(null=True, verbose_name="年度序号"),
        ),
        migrations.RunPython(number_existing, forget_counters),
    ]
