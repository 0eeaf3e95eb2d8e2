from django import forms
from django.forms import formset_factory

from .models import PeriodKind, ReportTemplate


class GenerateForm(forms.Form):
    template = forms.ModelChoiceField(
        ReportTemplate.objects.order_by("pk"), label="模板", empty_label=None
    )
    year = forms.IntegerField(
        label="年份", min_value=2000, max_value=2100, help_text="学年报告填学年起始年份，如 2021。"
    )


class SectionForm(forms.Form):
    heading = forms.CharField(label="章节标题", max_length=100, required=False)
    text = forms.CharField(
        label="正文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="每行一段；以“（一）”开头的行为二级标题。数据写作 {{ 代码 }}。",
    )


SectionFormSet = formset_factory(SectionForm, extra=1, can_order=True, can_delete=True)


class DraftForm(forms.Form):
    title = forms.CharField(label="报告标题", max_length=200)


class TemplateForm(forms.Form):
    name = forms.CharField(label="模板名称", max_length=100)
    period_kind = forms.ChoiceField(label="统计期间", choices=PeriodKind.choices)
    title = forms.CharField(label="报告标题", max_length=200)
    start_month = forms.IntegerField(label="学年起始月", min_value=1, max_value=12, initial=9)
    start_day = forms.IntegerField(
        label="学年起始日", min_value=1, max_value=31, initial=1, help_text="自然年报告不使用。"
    )


def ordered_sections(formset) -> list[dict]:
    """Sections in the order the office gave, without those marked for deletion."""
    return [
        {"heading": f.cleaned_data.get("heading", ""), "text": f.cleaned_data.get("text", "")}
        for f in formset.ordered_forms
        if not f.cleaned_data.get("DELETE")
    ]


def initial_sections(sections) -> list[dict]:
    return [{**s, "ORDER": i} for i, s in enumerate(sections, start=1)]
