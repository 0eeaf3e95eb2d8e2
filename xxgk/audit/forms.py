from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class AuditSearchForm(forms.Form):
    actor = forms.CharField(label=_("操作人"), required=False, max_length=150)
    action = forms.CharField(
        label=_("操作"),
        required=False,
        max_length=100,
        help_text=_("按前缀匹配，如 auth.login、requests.、wagtail.publish。"),
    )
    date_from = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    target = forms.CharField(
        label=_("对象"), required=False, max_length=255, help_text=_("对象名称中的文字或对象编号。")
    )
    ip_address = forms.GenericIPAddressField(label=_("IP 地址"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("起始日期不能晚于截止日期。"))
        return cleaned
