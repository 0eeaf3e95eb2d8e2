"""The registers the annual report counts move here from the reports app (issue 19): the
report only assembles, and reads them through the figures this app registers.

Only Django's state moves: the tables keep their names (db_table) and the content types are
relabelled in place, so existing rows, permissions (and the groups holding them) and log
entries, which point at the content type by id, follow. reports 0007 removes the models from
its state.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = (
    "admissionresult",
    "cadrechange",
    "channel",
    "channelmonth",
    "feeschedule",
    "outreachevent",
    "outreachmember",
    "probationassessment",
    "procurementnotice",
)


def relabel_content_types(from_app, to_app):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MODELS:
            if not ContentType.objects.filter(app_label=to_app, model=model).exists():
                ContentType.objects.filter(app_label=from_app, model=model).update(app_label=to_app)

    return relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0006_annual_report_pages_to_disclosures"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Channel",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=60, unique=True, verbose_name="名称")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("weibo", "官方微博"),
                                    ("wechat", "官方微信"),
                                    ("douyin", "抖音"),
                                    ("newspaper", "校报"),
                                    ("other", "其他"),
                                ],
                                max_length=20,
                                verbose_name="类型",
                            ),
                        ),
                        (
                            "sort_order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="排序"),
                        ),
                    ],
                    options={
                        "verbose_name": "发布渠道",
                        "verbose_name_plural": "发布渠道",
                        "db_table": "reports_channel",
                        "ordering": ["sort_order", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="AdmissionResult",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField(verbose_name="招生年份")),
                        ("province", models.CharField(max_length=20, verbose_name="省份")),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("本科", "本科"),
                                    ("高职", "高职"),
                                    ("专升本", "专升本"),
                                    ("中本一体化", "中本一体化"),
                                    ("五年制学前教育大专班", "五年制学前教育大专班"),
                                    ("其他", "其他"),
                                ],
                                max_length=20,
                                verbose_name="层次/类型",
                            ),
                        ),
                        ("admitted", models.PositiveIntegerField(verbose_name="录取人数")),
                    ],
                    options={
                        "verbose_name": "录取结果",
                        "verbose_name_plural": "录取结果",
                        "db_table": "reports_admissionresult",
                        "ordering": ["-year", "province", "level"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("year", "province", "level"),
                                name="reports_admission_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="CadreChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("promotion", "提任"),
                                    ("transfer", "平级交流"),
                                    ("removal", "免去职务"),
                                ],
                                max_length=20,
                                verbose_name="类别",
                            ),
                        ),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("middle_chief", "中层正职"),
                                    ("middle_deputy", "中层副职"),
                                    ("section_chief", "正科级"),
                                    ("section_deputy", "副科级"),
                                ],
                                max_length=20,
                                verbose_name="职级",
                            ),
                        ),
                        ("person", models.CharField(max_length=50, verbose_name="姓名")),
                        ("position", models.CharField(max_length=150, verbose_name="职务")),
                        ("effective_on", models.DateField(verbose_name="任免日期")),
                        (
                            "document_number",
                            models.CharField(blank=True, max_length=60, verbose_name="文号"),
                        ),
                    ],
                    options={
                        "verbose_name": "干部任免",
                        "verbose_name_plural": "干部任免",
                        "db_table": "reports_cadrechange",
                        "ordering": ["-effective_on", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("action", "person", "position", "effective_on"),
                                name="reports_cadre_change_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="FeeSchedule",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("item", models.CharField(max_length=100, verbose_name="收费项目")),
                        (
                            "scope",
                            models.CharField(blank=True, max_length=100, verbose_name="适用范围"),
                        ),
                        ("standard", models.CharField(max_length=100, verbose_name="收费标准")),
                        ("basis", models.CharField(max_length=200, verbose_name="收费依据")),
                        ("effective_from", models.DateField(verbose_name="执行日期")),
                        (
                            "effective_until",
                            models.DateField(blank=True, null=True, verbose_name="停止日期"),
                        ),
                    ],
                    options={
                        "verbose_name": "收费公示",
                        "verbose_name_plural": "收费公示",
                        "db_table": "reports_feeschedule",
                        "ordering": ["item", "scope", "-effective_from"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("item", "scope", "effective_from"),
                                name="reports_fee_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="OutreachEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("livestream", "直播宣讲/访谈"),
                                    ("video", "宣传短视频投放"),
                                    ("visit", "赴中学招生咨询"),
                                ],
                                max_length=20,
                                verbose_name="类型",
                            ),
                        ),
                        ("held_on", models.DateField(verbose_name="日期")),
                        ("title", models.CharField(max_length=200, verbose_name="名称")),
                        (
                            "platform",
                            models.CharField(blank=True, max_length=100, verbose_name="平台/媒体"),
                        ),
                        (
                            "province",
                            models.CharField(blank=True, max_length=20, verbose_name="省份"),
                        ),
                        ("city", models.CharField(blank=True, max_length=30, verbose_name="地市")),
                        (
                            "school",
                            models.CharField(blank=True, max_length=100, verbose_name="中学"),
                        ),
                        (
                            "reads",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="阅读/观看量"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "招生宣传活动",
                        "verbose_name_plural": "招生宣传活动",
                        "db_table": "reports_outreachevent",
                        "ordering": ["-held_on", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "held_on", "title", "province", "city", "school"),
                                name="reports_outreach_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="OutreachMember",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "school_year_start",
                            models.PositiveSmallIntegerField(verbose_name="学年起始年份"),
                        ),
                        ("name", models.CharField(max_length=50, verbose_name="姓名")),
                        ("unit", models.CharField(max_length=100, verbose_name="所在单位")),
                    ],
                    options={
                        "verbose_name": "招生宣传团队成员",
                        "verbose_name_plural": "招生宣传团队成员",
                        "db_table": "reports_outreachmember",
                        "ordering": ["-school_year_start", "unit", "name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("school_year_start", "name", "unit"),
                                name="reports_outreach_member_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ProbationAssessment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("person", models.CharField(max_length=50, verbose_name="姓名")),
                        ("position", models.CharField(max_length=150, verbose_name="职务")),
                        ("assessed_on", models.DateField(verbose_name="考核完成日期")),
                        (
                            "result",
                            models.CharField(
                                default="合格", max_length=20, verbose_name="考核结果"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "试用期满考核",
                        "verbose_name_plural": "试用期满考核",
                        "db_table": "reports_probationassessment",
                        "ordering": ["-assessed_on", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("person", "position", "assessed_on"),
                                name="reports_probation_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ProcurementNotice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("intention", "采购意向"),
                                    ("decentralised", "分散采购公示"),
                                    ("tender_result", "招投标结果"),
                                ],
                                max_length=20,
                                verbose_name="类型",
                            ),
                        ),
                        ("title", models.CharField(max_length=255, verbose_name="标题")),
                        ("published_on", models.DateField(verbose_name="发布日期")),
                        ("platform", models.CharField(max_length=60, verbose_name="发布平台")),
                        ("url", models.URLField(blank=True, max_length=500, verbose_name="网址")),
                    ],
                    options={
                        "verbose_name": "采购公示",
                        "verbose_name_plural": "采购公示",
                        "db_table": "reports_procurementnotice",
                        "ordering": ["-published_on", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "title", "published_on"),
                                name="reports_procurement_unique",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ChannelMonth",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("month", models.DateField(help_text="该月1日。", verbose_name="月份")),
                        ("posts", models.PositiveIntegerField(verbose_name="发布篇数/期数")),
                        (
                            "reads",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="阅读量"
                            ),
                        ),
                        (
                            "likes",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="获赞数"
                            ),
                        ),
                        (
                            "channel",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="months",
                                to="registers.channel",
                                verbose_name="渠道",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "渠道月度数据",
                        "verbose_name_plural": "渠道月度数据",
                        "db_table": "reports_channelmonth",
                        "ordering": ["channel", "month"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("channel", "month"), name="reports_channel_month_unique"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_types("reports", "registers"),
            relabel_content_types("registers", "reports"),
        ),
    ]
