"""The tiny count endpoint that lets a cached page show (and count) a current number."""

from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .selectors import current_count, is_countable
from .services import count_view


@csrf_exempt  # no cookie, no session: counting a view is not a state change worth a token
@never_cache
@require_http_methods(["GET", "POST"])
def page_views(request, page_id: int):
    """GET: the current count. POST: count one view (a page served from the edge cache) and
    return the new count."""
    if not is_countable(page_id):
        raise Http404("没有这条公开信息。")
    views = count_view(page_id) if request.method == "POST" else current_count(page_id)
    return JsonResponse({"page": page_id, "views": views})
