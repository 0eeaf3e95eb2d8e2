"""Every sheet has its number now (0004); the pair is required and unique. A migration of its
own: PostgreSQL refuses to alter a table in the transaction that just updated its rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("review", "0004_record_numbers_per_year")]

    operations = [
        migrations.AlterField(
            model_name="reviewrecord",
            name="number_year",
            field=models.PositiveSmallIntegerField(verbose_name="编号年度"),
        ),
        migrations.AlterField(
            model_name="reviewrecord",
            name="serial",
            field=models.PositiveIntegerField(verbose_name="年度序号"),
        ),
        migrations.AddConstraint(
            model_name="reviewrecord",
            constraint=models.UniqueConstraint(
                fields=("number_year", "serial"), name="unique_review_record_number"
            ),
        ),
    ]
