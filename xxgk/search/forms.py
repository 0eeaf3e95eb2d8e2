import datetime

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.orgs.models import Department

from .backends import Filters, Sort
from .models import Synonym


class PlainSelect(forms.Select):
    """A <select> written directly rather than through one template per option: the search
    page's three filter lists hold some 150 options, and Django's per-option templates took
    about half of the page's time at 100,000 documents (docs/search.md)."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, " selected" if str(option) in selected else "", label)
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class ContentSelect(PlainSelect):
    """A PlainSelect whose options (but the empty one) are database content: page titles and
    department names, written as they are in every language, so they carry ``data-content``."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        options = format_html_join(
            "",
            '<option value="{}"{}{}>{}</option>',
            (
                (
                    option,
                    " selected" if str(option) in selected else "",
                    " data-content" if option != "" else "",
                    label,
                )
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


def _options(empty_label, rows) -> list[tuple[str, str]]:
    return [("", empty_label), *((str(pk), label) for pk, label in rows)]


def _sorted(rows):
    """Rows sorted by their first column, without it. In Python: ORDER BY path or number
    made SQLite walk all 100,000 pages in that index's order to find the 50 items."""
    return [row[1:] for row in sorted(rows)]


class PlainDateInput(forms.DateInput):
    """<input type="date"> written directly (see PlainSelect)."""

    input_type = "date"

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {**(attrs or {}), "type": "date", "name": name})
        if value not in (None, ""):
            final["value"] = self.format_value(value)
        return format_html("<input{}>", flatatt(final))


class SearchForm(forms.Form):
    """The filters of a search. The query itself is cleaned by tokenizer.clean_query, so that
    an over-long query is cut rather than rejected."""

    # Options listed from two columns each (a page instance costs far more to build than
    # its option), read once per form in __init__; the chosen ids are resolved in to_filters.
    category = forms.TypedChoiceField(
        coerce=int, required=False, label=_("目录类别"), widget=ContentSelect
    )
    item = forms.TypedChoiceField(
        coerce=int, required=False, label=_("公开事项"), widget=ContentSelect
    )
    department = forms.TypedChoiceField(
        coerce=int, required=False, label=_("发布部门"), widget=ContentSelect
    )
    date_from = forms.DateField(
        required=False, label=_("起始日期"), widget=PlainDateInput(format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        required=False, label=_("截止日期"), widget=PlainDateInput(format="%Y-%m-%d")
    )
    sort = forms.ChoiceField(
        choices=Sort.CHOICES,
        required=False,
        label=_("排序"),
        initial=Sort.RELEVANCE,
        widget=PlainSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        categories = CatalogueCategoryPage.objects.order_by().values_list("number", "pk", "title")
        items = CatalogueItemPage.objects.order_by().values_list(
            "path", "pk", "item_number", "title"
        )
        departments = Department.objects.order_by("sort_order", "name").values_list("pk", "name")
        self.fields["category"].choices = _options(_("全部类别"), _sorted(categories))
        self.fields["item"].choices = _options(
            _("全部事项"), ((pk, f"{number}. {title}") for pk, number, title in _sorted(items))
        )
        self.fields["department"].choices = _options(_("全部部门"), departments)

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
            category = CatalogueCategoryPage.objects.get(pk=data["category"])
            item_ids = tuple(
                CatalogueItemPage.objects.child_of(category).values_list("pk", flat=True)
            )
        if data.get("item"):
            item = data["item"]
            item_ids = (item,) if item_ids is None else tuple(i for i in item_ids if i == item)
        return Filters(
            item_ids=item_ids,
            department_id=data.get("department") or None,
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
