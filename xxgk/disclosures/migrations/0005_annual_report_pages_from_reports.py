"""The annual report's pages move here from the reports app (issue 19): the report is a
disclosure of catalogue item 6, and reports (the desk) sits below the apps it reads.

Only Django's state moves: the tables keep their names (db_table) and the content types are
relabelled in place, so existing pages, revisions, permissions and log entries, which all
point at the content type by id, follow. reports 0006 removes the models from its state.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import xxgk.disclosures.policy

MODELS = ("annualreportindexpage", "annualreportpage")


def relabel_content_types(from_app, to_app):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MODELS:
            if not ContentType.objects.filter(app_label=to_app, model=model).exists():
                ContentType.objects.filter(app_label=from_app, model=model).update(app_label=to_app)

    return relabel


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("disclosures", "0004_move_pageviewcount"),
        ("reports", "0005_moe_template_wording_of_2018_notice"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AnnualReportIndexPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="说明")),
                    ],
                    options={
                        "verbose_name": "年度报告栏目",
                        "db_table": "reports_annualreportindexpage",
                    },
                    bases=(xxgk.disclosures.policy.SitePagePermissions, "wagtailcore.page"),
                ),
                migrations.CreateModel(
                    name="AnnualReportPage",
                    fields=[
                        (
                            "disclosurepage_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="disclosures.disclosurepage",
                            ),
                        ),
                        (
                            "period_kind",
                            models.CharField(
                                choices=[
                                    ("school_year", "学年（自模板设定的起始日起一年，默认9月1日）"),
                                    ("calendar_year", "自然年（1月1日至12月31日）"),
                                ],
                                editable=False,
                                max_length=20,
                                verbose_name="统计期间",
                            ),
                        ),
                        ("period_start", models.DateField(editable=False, verbose_name="期间开始")),
                        ("period_end", models.DateField(editable=False, verbose_name="期间结束")),
                    ],
                    options={
                        "verbose_name": "年度报告",
                        "verbose_name_plural": "年度报告",
                        "db_table": "reports_annualreportpage",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("period_kind", "period_start", "period_end"),
                                name="reports_annual_report_period_unique",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("period_end__gt", models.F("period_start"))),
                                name="reports_annual_report_period_order",
                            ),
                        ],
                    },
                    bases=("disclosures.disclosurepage",),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types("reports", "disclosures"),
            relabel_content_types("disclosures", "reports"),
        ),
    ]
