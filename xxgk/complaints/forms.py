from django import forms
from django.utils.translation import gettext_lazy as _

from xxgk.cases.forms import PublicCaseForm, text_field
from xxgk.orgs.models import Department

from .models import ComplaintKind, ComplaintResult


class ComplaintForm(PublicCaseForm):
    message_label = _("举报内容")
    message_rows = 8
    message_help = _("请写明应公开而未公开的信息、时间等事实，便于核实。")
    email_help = _("可匿名举报；留下邮箱可收到核实结果。")
    field_order = ["kind", "department", "page_url", "subject", "message", "name"]

    kind = forms.ChoiceField(
        label=_("举报类型"), choices=[("", _("请选择")), *ComplaintKind.choices]
    )
    department = forms.ModelChoiceField(
        queryset=Department.objects.filter(is_active=True),
        label=_("涉及部门"),
        required=False,
        empty_label=_("不清楚 / 不涉及具体部门"),
    )
    page_url = forms.URLField(
        label=_("涉及网页地址"), required=False, max_length=500, assume_scheme="https"
    )
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = _("请选择举报类型。")


class AcceptForm(forms.Form):
    note = text_field(_("受理意见"), required=False)


class NoteForm(forms.Form):
    note = text_field(_("调查记录"))


class ConcludeForm(forms.Form):
    investigation = text_field(_("调查核实情况"), rows=5)
    result = forms.ChoiceField(label=_("核实结论"), choices=ComplaintResult.choices)
    rectification = text_field(_("整改措施"), rows=4, required=False)
    rectified_on = forms.DateField(
        label=_("整改完成日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    reply = text_field(_("答复举报人"), rows=4)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("result") in (ComplaintResult.SUBSTANTIATED, ComplaintResult.PARTLY)
            and not (cleaned.get("rectification") or "").strip()
        ):
            self.add_error("rectification", _("举报属实或部分属实的，须填写整改措施。"))
        return cleaned


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("不予受理理由"), max_length=300)
