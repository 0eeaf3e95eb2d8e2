from django.db import migrations


class Migration(migrations.Migration):
    """The yearly sequence now lives in cases.NumberCounter, prefix YSQ (carried over by
    cases 0002)."""

    dependencies = [
        ("requests", "0004_letter_templates_cite_verified_rules"),
        ("cases", "0002_carry_over_counters"),
    ]

    operations = [migrations.DeleteModel(name="NumberSequence")]
