"""Response headers that every page carries: Content-Security-Policy and Permissions-Policy.

Public pages get a strict policy (no inline script or style, nothing from other origins).
Wagtail's admin renders inline styles and scripts of its own, so under ``/admin/`` the
policy also allows 'unsafe-inline' (see docs/security.md).

Also the throttle of the password forms that are not public forms (ThrottleMiddleware).
"""

from django.conf import settings
from django.shortcuts import render

from xxgk.security.public_forms import rate_limited


def _policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


PUBLIC_POLICY = _policy(
    {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "frame-src": "'none'",
        "frame-ancestors": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
)
ADMIN_POLICY = _policy(
    {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        # Wagtail previews pages in a same-origin iframe.
        "frame-src": "'self'",
        "frame-ancestors": "'self'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def is_admin_path(path: str) -> bool:
    return path.startswith(getattr(settings, "XXGK_ADMIN_PATH_PREFIX", "/admin/"))


class SecurityHeadersMiddleware:
    """Adds the CSP for the area a path belongs to, unless a view already set one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = ADMIN_POLICY if is_admin_path(request.path) else PUBLIC_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# Guessable forms outside the public forms: the password of a page or document collection
# restricted with a password (Wagtail's view-restriction forms) and the admin's password
# reset, which sends mail. URL name → (rate-limit scope, setting with (limit, seconds)).
THROTTLED_VIEWS = {
    "wagtailcore_authenticate_with_password": ("page-password", "XXGK_PAGE_PASSWORD_LIMIT"),
    "wagtaildocs_authenticate_with_password": ("page-password", "XXGK_PAGE_PASSWORD_LIMIT"),
    "wagtailadmin_password_reset": ("password-reset", "XXGK_PASSWORD_RESET_LIMIT"),
}


class ThrottleMiddleware:
    """Counts POSTs to the views above per client (hashed address, public_forms' limits) and
    answers a Chinese 429 page once a client is over the limit; the view never runs then."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        throttle = THROTTLED_VIEWS.get(request.resolver_match.view_name)
        if throttle is None:
            return None
        scope, setting = throttle
        limit, window = getattr(settings, setting)
        if not rate_limited(request, scope, limit=limit, window=window):
            return None
        context = {"minutes": max(window // 60, 1), "admin": scope == "password-reset"}
        return render(request, "security/throttled.html", context, status=429)
