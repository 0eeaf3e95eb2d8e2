from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate_or_404(request, object_list, per_page, param="page"):
    """Paginate, turning a malformed or out-of-range page number into a 404, never a 500."""
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get(param) or "1"
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise Http404(_("页码无效")) from None
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("页码超出范围")) from None
