"""Letter templates stop citing the 2022 draft's article numbers of 《高等学校信息公开办法》.

Existing databases hold the templates installed by 0001 (and maybe edited by the office). The
wrong citation lines are replaced by ``{{ legal_basis }}``, which letters.py fills from
xxgk.law.citations when a letter is rendered; the shipped fee notice, if unedited, gets the
wording that names the payment period. Letters already issued (Letter.text) are not touched:
they keep the text they were sent with. The strings are frozen here on purpose.
"""

from django.db import migrations

BASIS = "{% if legal_basis %}\n\n依据：{{ legal_basis }}。{% endif %}"
OLD_CITATIONS = {
    "correction": "\n\n依据：《高等学校信息公开办法》第二十五条第（六）项。",
    "extension": "\n\n依据：《高等学校信息公开办法》第二十七条。",
    "consultation": "\n\n依据：《高等学校信息公开办法》第二十六条。",
}
OLD_FEE_BODY = (
    "{{ name }}：\n\n您（单位）提交的信息公开申请（申请编号：{{ number }}）需缴纳以下费用：\n\n"
    "{{ fee_lines }}\n\n合计应缴{{ fee_total }}元。请于收到本通知之日起20个工作日内缴纳；"
    "缴费期间不计入答复期限。"
)
NEW_FEE_BODY = (
    "{{ name }}：\n\n您（单位）提交的信息公开申请（申请编号：{{ number }}）需缴纳以下费用：\n\n"
    "{{ fee_lines }}\n\n合计应缴{{ fee_total }}元。请自本通知发出之日起"
    "{{ payment_days }}个工作日内、即{{ payment_due }}前缴纳。"
    "自本通知发出之日至缴费之日的期间不计入答复期限；"
    "逾期未缴纳的，本校不再处理该申请。" + BASIS
)


def cite_verified_rules(apps, schema_editor):
    LetterTemplate = apps.get_model("requests", "LetterTemplate")
    for template in LetterTemplate.objects.filter(kind__in=[*OLD_CITATIONS, "fee"]):
        body = template.body
        if template.kind == "fee":
            body = NEW_FEE_BODY if body == OLD_FEE_BODY else body
        else:
            body = body.replace(OLD_CITATIONS[template.kind], BASIS)
        if body != template.body:
            template.body = body
            template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("requests", "0003_fee_period_and_correction_notice")]

    operations = [migrations.RunPython(cite_verified_rules, migrations.RunPython.noop)]
