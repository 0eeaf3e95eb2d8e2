from django import template
from django.urls import reverse

from ..selectors import has_voted, helpful_counts
from ..services import visitor_id

register = template.Library()


@register.simple_tag(takes_context=True)
def helpful_state(context, page):
    """What the helpfulness widget needs: counts, whether this visitor voted, where to post."""
    request = context.get("request")
    if not page.pk or not page.live or getattr(request, "is_preview", False):
        return None  # previews of drafts: nothing to vote on yet
    counts = helpful_counts(page)
    return {
        **counts,
        "voted": request is not None and has_voted(page, visitor_id(request)),
        "action": reverse("evaluation:vote", args=[page.pk]),
    }
