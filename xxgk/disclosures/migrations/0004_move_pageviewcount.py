# PageViewCount now belongs to viewcounts (viewcounts 0001); its table is unchanged.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("disclosures", "0003_supervision_indexes"),
        ("viewcounts", "0001_pageviewcount"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PageViewCount")],
            database_operations=[],
        ),
    ]
