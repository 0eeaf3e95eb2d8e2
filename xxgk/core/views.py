import posixpath
import re
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import re_path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

# Wagtail's upload folder for documents under MEDIA_ROOT (wagtail.documents.models).
DOCUMENTS_FOLDER = "documents"


@never_cache
@require_GET
def healthz(request):
    """Liveness plus database reachability, for load balancers and monitoring."""
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": {"ok": False, "error": exc.__class__.__name__}},
            status=503,
        )
    return JsonResponse(
        {
            "status": "ok",
            "database": {
                "ok": True,
                "vendor": connection.vendor,
                "latency_ms": round((time.perf_counter() - started) * 1000, 2),
            },
        }
    )


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links: send them to the static icon (nginx
    serves that address from the static files itself, deploy/nginx/xxgk.conf.template)."""
    response = HttpResponseRedirect(static("xxgk/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@never_cache
@require_GET
def switch_language(request, code):
    """The footer's language links: set the language cookie and go back to ``next``.

    A plain GET link instead of Django's POST form with a CSRF token, so that public pages
    carry nothing of the visitor's own and nginx can serve cached copies as static files.
    Choosing a language is harmless to the visitor even when another site links here.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404(_("不支持该语言。"))
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)


def serve_media(request, path):
    """MEDIA_ROOT in development, as nginx serves it in production: images and other public
    uploads yes, Wagtail documents no. A document leaves the server only through
    ``/documents/<id>/<name>``, where the ``before_serve_document`` hook lets it out while a
    live page attaches or links it, so a draft's or a withdrawn disclosure's file has no
    plain URL here either."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.split("/", 1)[0] == DOCUMENTS_FOLDER:
        raise Http404(_("文件须通过文件下载地址获取。"))
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def media_patterns() -> list:
    """The development server's /media/ route (nothing unless DEBUG: nginx serves media)."""
    if not settings.DEBUG or not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>.*)$", serve_media, name="dev_media")]
