from django.db import migrations


class Migration(migrations.Migration):
    """The counters now live in cases.NumberCounter (carried over by cases 0002)."""

    dependencies = [
        ("mailbox", "0003_private_attachments"),
        ("cases", "0002_carry_over_counters"),
    ]

    operations = [migrations.DeleteModel(name="NumberCounter")]
