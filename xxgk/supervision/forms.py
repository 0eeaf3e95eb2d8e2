import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.selectors import authorable_items, item_sort_key
from xxgk.orgs.models import Department
from xxgk.orgs.selectors import is_office

from .models import PendingInformation
from .periods import Period

FIRST_SCHOOL_YEAR = 2014  # the MoE catalogue dates from 2014


class PeriodForm(forms.Form):
    """A school year, or a custom date range that overrides it."""

    school_year = forms.TypedChoiceField(label=_("学年"), coerce=int, required=False)
    start = forms.DateField(
        label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        current = Period.school_year_of(today).start.year
        self.fields["school_year"].choices = [
            (year, _("%(start)s-%(end)s学年") % {"start": year, "end": year + 1})
            for year in range(current, FIRST_SCHOOL_YEAR - 1, -1)
        ]
        self.fields["school_year"].error_messages["invalid_choice"] = _("请选择列表中的学年。")
        for name in ("start", "end"):
            self.fields[name].error_messages["invalid"] = _("请输入正确的日期，格式为 YYYY-MM-DD。")
        self.default_year = current

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if self.errors:
            return cleaned
        try:
            if start or end:
                if not (start and end):
                    raise ValidationError(_("自定义期间须同时填写开始日期和结束日期。"))
                cleaned["period"] = Period(start, end)
            else:
                cleaned["period"] = Period.school_year(
                    cleaned.get("school_year") or self.default_year
                )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


def period_from_request(request, today: datetime.date) -> tuple[PeriodForm, Period | None]:
    form = PeriodForm(request.GET or None, today=today)
    if not request.GET:
        return form, Period.school_year_of(today)
    return form, (form.cleaned_data["period"] if form.is_valid() else None)


class PendingInformationForm(forms.ModelForm):
    class Meta:
        model = PendingInformation
        fields = ["item", "department", "title", "formed_on"]
        widgets = {"formed_on": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"formed_on": {"invalid": _("请输入正确的日期，格式为 YYYY-MM-DD。")}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        items = sorted(authorable_items(user).live(), key=item_sort_key)
        self.fields["item"].queryset = authorable_items(user)
        self.fields["item"].choices = [("", _("请选择清单事项"))] + [(i.pk, str(i)) for i in items]
        self.fields["formed_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        if is_office(user):
            self.fields["department"].queryset = Department.objects.filter(is_active=True)
        else:
            del self.fields["department"]


class CancelPendingForm(forms.Form):
    reason = forms.CharField(label=_("撤销原因"), max_length=200)


class HandlingForm(forms.Form):
    note = forms.CharField(label=_("处理情况"), widget=forms.Textarea(attrs={"rows": 3}))
