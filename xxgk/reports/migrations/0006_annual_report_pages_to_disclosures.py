"""The annual report's pages now belong to disclosures (disclosures 0005): removed from this
app's state only; their tables and rows stay, and the draft's link points at the same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("disclosures", "0005_annual_report_pages_from_reports"),
        ("reports", "0005_moe_template_wording_of_2018_notice"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="annualreportpage",
                    name="disclosurepage_ptr",
                ),
                migrations.AlterField(
                    model_name="annualreportdraft",
                    name="report_page",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="提交审查时创建或更新；审查通过后公开。",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="disclosures.annualreportpage",
                        verbose_name="门户上的报告",
                    ),
                ),
                migrations.DeleteModel(
                    name="AnnualReportIndexPage",
                ),
                migrations.DeleteModel(
                    name="AnnualReportPage",
                ),
            ],
            database_operations=[],
        ),
    ]
