"""One counter table for every kind of case: carry the letters' and complaints' counters
(mailbox.NumberCounter) and the applications' (requests.NumberSequence, prefix YSQ) over.

Where two old rows meet on the same (prefix, year) the higher serial wins, so no number is
ever issued twice. The old tables are dropped by the apps' next migrations, which run after
this one.
"""

from django.db import migrations

APPLICATION_PREFIX = "YSQ"


def carry_over(apps, schema_editor):
    NumberCounter = apps.get_model("cases", "NumberCounter")
    serials = {}
    for row in apps.get_model("mailbox", "NumberCounter").objects.all():
        serials[(row.prefix, row.year)] = row.last_serial
    for row in apps.get_model("requests", "NumberSequence").objects.all():
        key = (APPLICATION_PREFIX, row.year)
        serials[key] = max(serials.get(key, 0), row.last)
    NumberCounter.objects.bulk_create(
        NumberCounter(prefix=prefix, year=year, last_serial=serial)
        for (prefix, year), serial in serials.items()
    )


def carry_back(apps, schema_editor):
    """Reversal refills the old tables, which the apps' reversed migrations have restored,
    and empties this one (so that migrating forward again carries each row over once)."""
    MailboxCounter = apps.get_model("mailbox", "NumberCounter")
    NumberSequence = apps.get_model("requests", "NumberSequence")
    counters = apps.get_model("cases", "NumberCounter").objects.all()
    for row in counters:
        if row.prefix == APPLICATION_PREFIX:
            NumberSequence.objects.create(year=row.year, last=row.last_serial)
        else:
            MailboxCounter.objects.create(
                prefix=row.prefix, year=row.year, last_serial=row.last_serial
            )
    counters.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("mailbox", "0003_private_attachments"),
        ("requests", "0004_letter_templates_cite_verified_rules"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
