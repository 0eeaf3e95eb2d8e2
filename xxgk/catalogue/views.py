from django.conf import settings
from django.shortcuts import render

from xxgk.core.pagination import paginate_or_404

from .models import ChangeKind
from .selectors import catalogue_history


def history(request):
    """The public record of catalogue adjustments (清单动态调整记录)."""
    kind = request.GET.get("kind") or None
    if kind not in ChangeKind.values:
        kind = None
    changes = paginate_or_404(
        request, catalogue_history(kind=kind), settings.XXGK_DISCLOSURES_PER_PAGE
    )
    return render(
        request,
        "catalogue/history.html",
        {"changes": changes, "kinds": ChangeKind.choices, "kind": kind},
    )
