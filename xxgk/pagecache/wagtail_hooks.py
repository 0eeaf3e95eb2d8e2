from django.http import Http404
from django.utils import timezone
from wagtail import hooks

from . import generations
from .services import dependencies


@hooks.register("before_serve_page")
def guard_expiry_and_prepare_copy(page, request, serve_args, serve_kwargs):
    """An expired page is gone at once, even before publish_scheduled unpublishes it; a public
    page's tokens are read before it is rendered (see middleware.py)."""
    if page.expire_at and page.expire_at <= timezone.now():
        raise Http404
    pending = getattr(request, "pagecache", None)
    if pending is None or page.get_view_restrictions().exists():
        return None
    pending.tokens = generations.snapshot(dependencies(page))
    pending.page = page
    return None
