from django import template
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join

register = template.Library()


def _flat(labels):
    for label in labels:
        if isinstance(label, str | Promise):
            yield label
        else:  # a list of labels, or a mapping of codes to labels
            yield from label.values() if hasattr(label, "values") else label


@register.simple_tag
def table_head(*labels):
    """A listing's header row in one tag, `{% table_head _("编号") _("标题") %}` (an argument
    may also be a list of labels, or a mapping of codes to labels): each heading a column
    header for screen readers, the labels translated where they are written (makemessages
    reads `_()` in tag arguments)."""
    cells = format_html_join("", '<th scope="col">{}</th>', ((label,) for label in _flat(labels)))
    return format_html("<thead><tr>{}</tr></thead>", cells)


@register.filter
def cells(row, columns) -> list:
    """The values of a figures row (a mapping) for the codes of `columns`, in their order."""
    return [row.get(code) for code in columns]


@register.simple_tag
def fact(label, value, testid="", strong=False):
    """One entry of a case's facts, `<dt>label</dt><dd>value</dd>` (the value in bold with
    `strong`); nothing at all when the value is empty, so an optional fact needs no {% if %}."""
    if value is None or value == "":
        return ""
    testid = format_html(' data-testid="{}"', testid) if testid else ""
    if strong:
        value = format_html("<strong>{}</strong>", value)
    return format_html("<dt>{}</dt><dd{}>{}</dd>", label, testid, value)


@register.inclusion_tag("cases/admin/case_cells.html")
def case_cells(case, url_name: str):
    """The first cells of a case listing's row: the number, linked to the case's page, and
    the subject with a badge when it hit sensitive words."""
    return {"case": case, "url": reverse(url_name, args=[case.pk])}


@register.simple_tag
def empty_row(columns: int, message):
    """The one row of a listing with nothing to list, spanning its `columns`."""
    return format_html('<tr><td colspan="{}">{}</td></tr>', columns, message)
