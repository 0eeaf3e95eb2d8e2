"""Staff sessions: they end when the browser closes and after a spell of inactivity.

Public visitors' sessions (a form's CSRF and progress) keep Django's defaults.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

from xxgk.audit.services import record_event

LAST_SEEN_KEY = "xxgk_staff_last_seen"
# Recording activity writes the session; once a minute is precise enough for a 30-minute limit.
TOUCH_EVERY_SECONDS = 60


def is_staff(user) -> bool:
    """Anyone who may use the back office."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def touch(request, now: float | None = None) -> None:
    """Record activity and make the session cookie last only until the browser closes."""
    now = time.time() if now is None else now
    session = request.session
    if now - session.get(LAST_SEEN_KEY, 0) >= TOUCH_EVERY_SECONDS:
        session[LAST_SEEN_KEY] = now
    if session.get("_session_expiry") != 0:
        session.set_expiry(0)


class StaffSessionMiddleware:
    """Signs a staff member out after ``XXGK_STAFF_SESSION_IDLE_MINUTES`` without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if is_staff(user):
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_KEY)
            idle_limit = settings.XXGK_STAFF_SESSION_IDLE_MINUTES * 60
            if last_seen is not None and now - last_seen > idle_limit:
                record_event(
                    "auth.session.expired",
                    actor=user,
                    request=request,
                    detail={"idle_minutes": int((now - last_seen) // 60)},
                )
                logout(request)
            else:
                touch(request, now)
        return self.get_response(request)
