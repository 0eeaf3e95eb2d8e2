"""The shipped MoE template in existing databases: section 五's heading as 教办厅函〔2018〕80号
(五) words it, and the catalogue table (清单事项公开情况表, (二): “逐项说明并附栏目链接”) as its
last part. Only the template changes — drafts and published reports keep their text — and
only what is still as shipped: a heading the office reworded stays, and a template that
already places the table gets no second one. The strings are frozen on purpose."""

from django.db import migrations

MOE_NAME = "高校信息公开年度报告（学年）"
OLD_HEADING = "五、因学校信息公开工作受到举报的情况"
NEW_HEADING = "五、因学校信息公开工作受到举报、复议、诉讼的情况"
CATALOGUE_SECTION = {
    "heading": "八、清单事项公开情况表",
    "text": "学校按照《高等学校信息公开事项清单》逐项公开的情况及栏目链接如下。\n【表格：清单事项】",
}


def follow_2018_notice(apps, schema_editor):
    ReportTemplate = apps.get_model("reports", "ReportTemplate")
    template = ReportTemplate.objects.filter(name=MOE_NAME).first()
    if template is None:
        return
    sections = [
        {**section, "heading": NEW_HEADING} if section.get("heading") == OLD_HEADING else section
        for section in template.sections
    ]
    if not any("【表格：清单事项】" in section.get("text", "") for section in sections):
        sections.append(dict(CATALOGUE_SECTION))
    if sections != template.sections:
        template.sections = sections
        template.save(update_fields=["sections"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_template_school_year_start")]

    operations = [migrations.RunPython(follow_2018_notice, migrations.RunPython.noop)]
