"""Who is asking: the one answer used by rate limits, fingerprints, the audit log and axes;
and whether a browser sent the request on behalf of another site."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address


def client_ip(request) -> str | None:
    """The client's address, or None when it is not a valid IP address.

    ``X-Forwarded-For`` is believed only when ``XXGK_TRUST_X_FORWARDED_FOR`` says a reverse
    proxy we run (nginx, ``$proxy_add_x_forwarded_for``) sits in front; then its last entry —
    the one our proxy appended — is used, since everything before it is whatever the client
    chose to send. Without the setting the header is ignored and REMOTE_ADDR is the answer.
    """
    if settings.XXGK_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return _valid_ip(hops[-1])
    return _valid_ip(request.META.get("REMOTE_ADDR", ""))


def _valid_ip(value: str) -> str | None:
    try:
        validate_ipv46_address(value)
    except ValidationError:
        return None
    return value


def from_another_site(request) -> bool:
    """True for a request a browser sent on behalf of another site (a CSRF check for
    endpoints that carry no token: the helpfulness vote, the view counter).

    Browsers say where a request comes from: ``Sec-Fetch-Site`` (every current browser), else
    ``Origin`` (sent with every POST), else ``Referer`` (our pages send it to us:
    ``Referrer-Policy: same-origin``). A request with none of them comes from an old browser
    or a script, which could just as well call the endpoint directly, so it is not refused
    here; what such a script can do is bounded elsewhere (rate limits, one count per client).
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    for header in ("Origin", "Referer"):
        value = request.headers.get(header)
        if value is not None:
            return not _same_origin(value, request)
    return False


def _same_origin(url: str, request) -> bool:
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}" or origin in (
        settings.CSRF_TRUSTED_ORIGINS
    )
