from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class TotpCodeForm(forms.Form):
    """A six-digit code, checked against one device (which throttles repeated failures)."""

    code = forms.CharField(
        label=_("动态验证码"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("打开手机上的身份验证器应用，输入当前显示的 6 位数字。"),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if len(code) != 6 or not code.isdigit():
            raise ValidationError(_("请输入 6 位数字验证码。"))
        if not self.device.verify_token(code):
            raise ValidationError(_("验证码不正确或已过期；多次输错后须稍候再试。"))
        return code
