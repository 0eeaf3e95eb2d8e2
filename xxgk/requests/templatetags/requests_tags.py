from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from ..selectors import RUNNING

register = template.Library()


@register.simple_tag
def deadline_flag(application, today, soon) -> str:
    """ "overdue", "soon" or "" for a case whose clock is running."""
    if application.status not in RUNNING or application.due_date is None:
        return ""
    if application.due_date < today:
        return "overdue"
    return "soon" if application.due_date <= soon else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0)


@register.simple_tag(takes_context=True)
def count_link(context, n, **params):
    """A figure of the statistics page, linked to the applications it counts (0 unlinked)."""
    if not n:
        return "0"
    url = f"{reverse('requests_admin:statistics_cases')}?{context['query']}&{urlencode(params)}"
    return format_html('<a href="{}">{}</a>', url, n)
