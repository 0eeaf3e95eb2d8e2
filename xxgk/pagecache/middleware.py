"""Whole-page cache of public Wagtail pages for anonymous visitors.

A GET that carries no cookie but the shared ones (``shared_cookies``), and no query parameter
but ``page`` (pagination), is looked up under its host, language, today's date and full path. A
copy is served only if the generation tokens it was rendered under are all still current and
the page's expire_at has not passed. On a miss the request is rendered as usual; the
``before_serve_page`` hook (wagtail_hooks.py) marks Wagtail pages as cacheable and snapshots
their tokens *before* rendering, so a purge during rendering makes the new copy stale at once.

Never stored: responses other than 200, streaming responses, responses that set a cookie,
vary on Cookie, write to the session, use a CSRF token or say private/no-store/no-cache,
logged-in users, previews, private pages. Public pages carry nothing of the visitor's own —
the language switch is a link, the helpfulness vote a token-free form — so a copy is the
same bytes for everyone and nginx can serve its edge file like any static file.
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import has_vary_header

from xxgk.evaluation.services import VISITOR_COOKIE
from xxgk.viewcounts.services import COUNTED_ATTR, add_view

from . import edge, generations

# Pagination is the one query parameter public pages read; any other one bypasses the cache
# (so that random parameters cannot fill it).
CACHEABLE_QUERY_KEYS = frozenset({"page"})
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")
HEADER = "X-Page-Cache"
UNSTORED_HEADERS = {HEADER.lower(), "content-length", "vary", "set-cookie"}


def shared_cookies() -> set[str]:
    """Cookies that do not change a public page: the CSRF cookie (from the site's forms), the
    language (part of the key) and the evaluation visitor id (read by the vote endpoint only).
    deploy/nginx/xxgk.conf.template lets the same ones through to edge copies."""
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, VISITOR_COOKIE}


@dataclass
class PendingCopy:
    key: str
    page: object = None
    tokens: dict = field(default_factory=dict)


def cache_key(request) -> str | None:
    if not settings.XXGK_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return None
    if not shared_cookies().issuperset(request.COOKIES):
        return None
    if any(key not in CACHEABLE_QUERY_KEYS for key in request.GET):
        return None
    raw = "|".join(
        (
            request.get_host(),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            request.get_full_path(),
        )
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        entry = generations.store().get(key)
        if entry is not None:
            response = self.replay(request, entry)
            if response is not None:
                return response
        request.pagecache = PendingCopy(key)
        response = self.get_response(request)
        if self.storable(request, response):
            self.save(request, response)
        return response

    @staticmethod
    def replay(request, entry):
        if entry["expire_at"] is not None and time.time() >= entry["expire_at"]:
            return None
        if not generations.still_current(entry["tokens"]):
            return None
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        if entry["counted"] and request.method == "GET":
            add_view(entry["counted"], request)
        return response

    @staticmethod
    def storable(request, response) -> bool:
        pending = request.pagecache
        if request.method != "GET" or pending.page is None:
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # a CSRF token is in the page: it is this visitor's own
        if has_vary_header(response, "Cookie"):
            return False
        # The key admits no session cookie, so a session that was only read (e.g. to find the
        # user, by every middleware that asks whether this is staff) was empty and the page is
        # what every such visitor gets; one that was written belongs to this visitor.
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in UNCACHEABLE_CONTROLS):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def save(request, response) -> None:
        pending = request.pagecache
        page = pending.page
        content = response.content
        expire_at = page.expire_at.timestamp() if page.expire_at else None
        entry = {
            "content": content,
            "headers": [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS],
            "tokens": pending.tokens,
            "expire_at": expire_at,
            "counted": getattr(request, COUNTED_ATTR, None),
        }
        generations.store().set(pending.key, entry, timeout=settings.XXGK_PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        if expire_at is None and translation.get_language() == settings.LANGUAGE_CODE:
            edge.write(
                request.path,
                content,
                pending.tokens,
                timezone.localdate(),
                request.META.get("QUERY_STRING", ""),
            )
