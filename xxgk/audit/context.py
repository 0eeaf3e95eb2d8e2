"""The request being served, so that events recorded deep inside services (a Wagtail log
entry, a group change) still say from where they came."""

from contextvars import ContextVar

_current_request = ContextVar("xxgk_audit_request", default=None)


def current_request():
    return _current_request.get()


class AuditContextMiddleware:
    """Makes the request visible to ``record_event`` for the duration of the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
