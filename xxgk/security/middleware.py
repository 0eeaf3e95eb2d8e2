"""Response headers that every page carries: Content-Security-Policy and Permissions-Policy.

Public pages get a strict policy (no inline script or style, nothing from other origins).
Wagtail's admin renders inline styles and scripts of its own, so under ``/admin/`` the
policy also allows 'unsafe-inline' (see docs/security.md).
"""

from django.conf import settings


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
