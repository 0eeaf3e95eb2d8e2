"""``{% report_records page %}`` on a catalogue item page: the fee schedule under 收费公示 and
the latest procurement notices under 招投标, from the registers the annual report counts."""

from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


@register.inclusion_tag("registers/includes/item_records.html")
def report_records(page):
    number = getattr(page, "item_number", None)
    if number == selectors.FEES_ITEM:
        return {"fees": selectors.current_fee_schedules(timezone.localdate())}
    if number == selectors.PROCUREMENT_ITEM:
        return {"notices": selectors.latest_procurement_notices()}
    return {}
