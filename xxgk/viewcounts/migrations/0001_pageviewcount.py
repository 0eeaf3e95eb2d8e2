# PageViewCount moves here from disclosures: the table stays (db_table), only Django's
# state changes; disclosures 0004 removes the model from disclosures' state.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("disclosures", "0003_supervision_indexes"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageViewCount",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="view_count_row",
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("count", models.PositiveBigIntegerField(default=0)),
                    ],
                    options={
                        "verbose_name": "浏览次数",
                        "verbose_name_plural": "浏览次数",
                        "db_table": "disclosures_pageviewcount",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
