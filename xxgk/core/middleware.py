"""An id in a URL that no database row can have is a 404, for every URL pattern at once.

Django's ``int`` converter accepts any number of digits. A value beyond a signed 64-bit
integer (the widest primary key any table here has) reaches the view, and every lookup
through a relation — ``DisclosurePage`` by its ``page_ptr``, a foreign key — then fails on
SQLite with OverflowError, a 500 (Django's own range check covers plain integer fields
only). Re-registering the built-in ``int`` converter is deprecated since Django 5.1, so
instead this middleware reads the arguments the URL resolver produced, for our patterns and
Wagtail's alike, before any view runs.
"""

from django.http import Http404
from django.utils.translation import gettext as _

# The largest value of a signed 64-bit integer: BigAutoField, and more than any AutoField.
MAX_ID = 2**63 - 1


def out_of_range(value) -> bool:
    """An integer URL argument (from an ``int`` converter) no row can have."""
    return isinstance(value, int) and not isinstance(value, bool) and not 0 <= value <= MAX_ID


class OutOfRangeIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(out_of_range(value) for value in (*view_args, *view_kwargs.values())):
            raise Http404(_("编号超出范围，没有这条记录。"))
        return None
