from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from .models import CHECKLIST, Decision

YES_NO = [("yes", _("是")), ("no", _("否"))]


class ReviewDecisionForm(forms.Form):
    """The 保密审查单 as a form. Checklist answers have no default: each must be chosen."""

    basis = forms.CharField(
        label=_("审查依据"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    opinion = forms.CharField(
        label=_("审查意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    scan_acknowledged = forms.BooleanField(
        label=gettext_lazy(
            _("我已逐项核对个人信息扫描结果，并已人工查看未能扫描（如无文字层）的附件")
        ),
        required=False,
    )
    pending_checked = forms.BooleanField(
        label=gettext_lazy(
            _("扫描尚未完成：我已亲自逐页查看仍在扫描的附件，确认其中没有不宜公开的个人信息")
        ),
        required=False,
    )
    decision = forms.ChoiceField(choices=Decision.choices, label=_("审查结论"))

    def __init__(self, *args, with_checklist=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_checklist:
            for field, label in CHECKLIST:
                self.fields[field] = forms.ChoiceField(
                    label=label, choices=YES_NO, widget=forms.RadioSelect, required=False
                )
        else:
            del self.fields["basis"]
            del self.fields["scan_acknowledged"]
            del self.fields["pending_checked"]
            self.fields["opinion"].label = _("审核意见")
        self.with_checklist = with_checklist

    def checklist_fields(self):
        return [self[field] for field, _label in CHECKLIST if field in self.fields]

    def checklist(self) -> dict:
        """Answers as booleans; an unanswered question is left out (the service refuses)."""
        answers = {}
        for field, _label in CHECKLIST:
            value = self.cleaned_data.get(field)
            if value in ("yes", "no"):
                answers[field] = value == "yes"
        return answers


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("撤回原因"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("重新送审理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
