"""Forms shared by apps that must not import each other."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatsForm(forms.Form):
    """The period of a statistics page (letters, complaints, helpfulness votes): at most
    three years, by default the current school year."""

    start = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
        if start and end and (end - start).days > 3 * 366:
            raise forms.ValidationError(_("统计区间不能超过三年。"))
        return cleaned

    @classmethod
    def for_request(cls, params):
        """Defaults to the current school year (1 September – 31 August)."""
        today = timezone.localdate()
        year = today.year if today.month >= 9 else today.year - 1
        data = {"start": f"{year}-09-01", "end": f"{year + 1}-08-31"}
        data.update({k: v for k, v in params.items() if k in data and v})
        return cls(data)
