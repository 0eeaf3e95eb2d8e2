"""The tiny count endpoint that lets a cached page show (and count) a current number."""

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from xxgk.core.client import from_another_site

from .selectors import current_count, is_countable
from .services import count_view


@csrf_exempt  # no cookie, no session, no token: another site's requests are refused below
@never_cache
@require_http_methods(["GET", "POST"])
def page_views(request, page_id: int):
    """GET: the current count. POST: count one view (a page served from the edge cache) and
    return the new count. A reader counts once per page per window (see services)."""
    if from_another_site(request):
        return JsonResponse(
            {"message": _("请在本站页面上查看浏览次数。")},
            status=403,
            json_dumps_params={"ensure_ascii": False},
        )
    if not is_countable(page_id):
        raise Http404(_("没有这条公开信息。"))
    views = count_view(page_id, request) if request.method == "POST" else current_count(page_id)
    return JsonResponse({"page": page_id, "views": views})
