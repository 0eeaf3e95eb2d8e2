from django import template
from django.urls import reverse

from ..selectors import helpful_counts

register = template.Library()


@register.simple_tag(takes_context=True)
def helpful_state(context, page):
    """What the helpfulness widget needs: the counts and where to post. Nothing about the
    visitor: the page may be a cached copy served to everyone (helpful.js remembers a vote)."""
    request = context.get("request")
    if not page.pk or not page.live or getattr(request, "is_preview", False):
        return None  # previews of drafts: nothing to vote on yet
    return {**helpful_counts(page), "action": reverse("evaluation:vote", args=[page.pk])}
