"""Cache-based counters for the public form and the tracker (no external service)."""

from django.core.cache import cache


def client_address(request) -> str:
    # Behind a proxy, the deployment sets REMOTE_ADDR correctly (gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(scope: str, request) -> str:
    return f"xxgk:requests:{scope}:{client_address(request)}"


def exceeded(scope: str, request, limit: tuple[int, int]) -> bool:
    count, _window = limit
    return (cache.get(_key(scope, request)) or 0) >= count


def record(scope: str, request, limit: tuple[int, int]) -> None:
    _count, window = limit
    key = _key(scope, request)
    if not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, window)
