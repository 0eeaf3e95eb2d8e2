import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.orgs.models import Department

from .backends import Filters, Sort
from .models import Synonym


class SearchForm(forms.Form):
    """The filters of a search. The query itself is cleaned by tokenizer.clean_query, so that
    an over-long query is cut rather than rejected."""

    category = forms.ModelChoiceField(
        CatalogueCategoryPage.objects.order_by("number"),
        required=False,
        label=_("目录类别"),
        empty_label=_("全部类别"),
    )
    item = forms.ModelChoiceField(
        CatalogueItemPage.objects.order_by("path"),
        required=False,
        label=_("公开事项"),
        empty_label=_("全部事项"),
    )
    department = forms.ModelChoiceField(
        Department.objects.order_by("sort_order", "name"),
        required=False,
        label=_("发布部门"),
        empty_label=_("全部部门"),
    )
    date_from = forms.DateField(
        required=False, label=_("起始日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        choices=Sort.CHOICES, required=False, label=_("排序"), initial=Sort.RELEVANCE
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("截止日期不能早于起始日期。"))
            cleaned.pop("date_to", None)
        return cleaned

    def invalid_fields(self) -> list[str]:
        """Labels of the filters that were given but not understood (and are ignored)."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    def to_filters(self) -> Filters:
        """The valid filters; invalid ones are left out (the view tells people so)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        item_ids = None
        if data.get("category"):
            item_ids = tuple(
                CatalogueItemPage.objects.child_of(data["category"]).values_list("pk", flat=True)
            )
        if data.get("item"):
            item = data["item"].pk
            item_ids = (item,) if item_ids is None else tuple(i for i in item_ids if i == item)
        department = data.get("department")
        return Filters(
            item_ids=item_ids,
            department_id=department.pk if department else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )

    def sort_order(self) -> str:
        data = getattr(self, "cleaned_data", {})
        return data.get("sort") or Sort.RELEVANCE


class SynonymForm(forms.ModelForm):
    """An entry of the synonym list; the whole-list checks (loops, size) run in
    Synonym.clean (synonyms.validate_entry) and come back as field errors."""

    class Meta:
        model = Synonym
        fields = ["term", "synonyms", "two_way", "note"]
        widgets = {"synonyms": forms.Textarea(attrs={"rows": 3})}


class LogPeriodForm(forms.Form):
    """The period of the search log to read; the last 30 days unless given."""

    date_from = forms.DateField(
        required=False, label=_("起始日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def period(self, today) -> tuple:
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("date_to") or today
        start = data.get("date_from") or end - datetime.timedelta(days=29)
        return (start, end) if start <= end else (end, start)
