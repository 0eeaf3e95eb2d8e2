"""The annual report becomes a disclosure of catalogue item 6, identified by its period.

AnnualReportPage now extends disclosures.DisclosurePage (so it passes the confidentiality
review and counts toward item 6) and is identified by (period kind, start, end) instead of a
unique school year. Report pages made before this change sat under /reports/ outside the
catalogue and had never been reviewed: they are removed (with their revisions), and the
report is filed again from its draft on the report desk (年度报告 → 提交审查).
"""

import django.db.models.deletion
from django.db import migrations, models

PERIOD_CHOICES = [
    ("school_year", "学年（9月1日至次年8月31日）"),
    ("calendar_year", "自然年（1月1日至12月31日）"),
]
STEPLEN = 4  # treebeard path step used by Wagtail


def remove_unreviewed_report_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="reports", model="annualreportpage").first()
    if content_type is None:
        return
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    OldReport = apps.get_model("reports", "AnnualReportPage")
    pages = Page.objects.filter(content_type=content_type)
    ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    parents = {path[:-STEPLEN] for path in pages.values_list("path", flat=True)}
    if not ids:
        return
    Revision.objects.filter(content_type=content_type, object_id__in=ids).delete()
    OldReport.objects.all().delete()  # deletes the Page rows too (multi-table parent)
    for path in parents:
        Page.objects.filter(path=path).update(
            numchild=Page.objects.filter(
                path__startswith=path, depth=len(path) // STEPLEN + 1
            ).count()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("disclosures", "0002_initial"),
        ("reports", "0002_channel_reporttemplate_admissionresult_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveField(model_name="annualreportdraft", name="published_page"),
        migrations.RunPython(remove_unreviewed_report_pages, migrations.RunPython.noop),
        migrations.DeleteModel(name="AnnualReportPage"),
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
                        choices=PERIOD_CHOICES,
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
        migrations.AddField(
            model_name="annualreportdraft",
            name="report_page",
            field=models.ForeignKey(
                blank=True,
                help_text="提交审查时创建或更新；审查通过后公开。",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="reports.annualreportpage",
                verbose_name="门户上的报告",
            ),
        ),
        migrations.CreateModel(
            name="ReportReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("period_kind", models.CharField(choices=PERIOD_CHOICES, max_length=20)),
                ("year", models.PositiveSmallIntegerField(verbose_name="年份")),
                ("sent_on", models.DateField(verbose_name="提醒日期")),
                ("due", models.DateField(verbose_name="截止日期")),
                ("message", models.CharField(max_length=500, verbose_name="内容")),
                (
                    "recipients",
                    models.PositiveSmallIntegerField(default=0, verbose_name="通知人数"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "年度报告提醒",
                "verbose_name_plural": "年度报告提醒",
                "ordering": ["-sent_on", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("period_kind", "year", "sent_on"),
                        name="reports_reminder_once_a_day",
                    )
                ],
            },
        ),
    ]
