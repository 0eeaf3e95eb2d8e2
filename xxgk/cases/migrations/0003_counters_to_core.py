"""The case numbers' counters move to core's SerialCounter, which the review sheets' numbers
(保审〔year〕N号) share: the rows are copied as they are, then the old table is dropped."""

from django.db import migrations


def to_core(apps, schema_editor):
    SerialCounter = apps.get_model("core", "SerialCounter")
    SerialCounter.objects.bulk_create(
        SerialCounter(prefix=row.prefix, year=row.year, last_serial=row.last_serial)
        for row in apps.get_model("cases", "NumberCounter").objects.all()
    )


def back_to_cases(apps, schema_editor):
    """The exact inverse: the case counters move back (and leave core, so that migrating
    forward again does not copy them a second time); the review sheets' stay."""
    NumberCounter = apps.get_model("cases", "NumberCounter")
    moved = apps.get_model("core", "SerialCounter").objects.exclude(prefix="保审")
    NumberCounter.objects.bulk_create(
        NumberCounter(prefix=row.prefix, year=row.year, last_serial=row.last_serial)
        for row in moved
    )
    moved.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_carry_over_counters"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(to_core, back_to_cases),
        migrations.DeleteModel(name="NumberCounter"),
    ]
