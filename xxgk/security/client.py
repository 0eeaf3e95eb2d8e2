"""Who is asking: the one answer used by rate limits, fingerprints, the audit log and axes."""

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
