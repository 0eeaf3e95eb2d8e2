"""Markup built in Python where a template loop over hundreds of values is the slow part."""

from django import template

from xxgk.supervision.charts import obligation_rows_html

register = template.Library()


@register.simple_tag
def obligation_rows(obligations, show_department=False, caption="", empty=""):
    return obligation_rows_html(
        obligations, show_department=bool(show_department), caption=caption, empty=empty
    )
