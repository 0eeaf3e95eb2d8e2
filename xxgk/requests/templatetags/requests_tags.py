from django import template

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
