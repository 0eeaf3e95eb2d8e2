"""One client address for rate limits, fingerprints, the audit log and axes."""

import pytest
from django.test import RequestFactory

from xxgk.core.client import client_ip
from xxgk.security.public_forms import client_fingerprint, rate_limited


def _request(remote="127.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_forwarded_for_is_ignored_unless_trusted(settings):
    settings.XXGK_TRUST_X_FORWARDED_FOR = False
    # A client that sends the header itself, straight to the application, changes nothing.
    assert client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    assert client_ip(_request("not-an-ip")) is None


def test_trusted_proxy_appended_entry_is_used(settings):
    settings.XXGK_TRUST_X_FORWARDED_FOR = True
    # nginx appends the peer it saw; whatever the client put before it is not believed.
    spoofed = _request("127.0.0.1", "198.51.100.1, 203.0.113.9")
    assert client_ip(spoofed) == "203.0.113.9"
    assert client_ip(_request("127.0.0.1", "2001:db8::1")) == "2001:db8::1"
    assert client_ip(_request("127.0.0.1", "")) == "127.0.0.1"  # no header: the peer
    assert client_ip(_request("127.0.0.1", "garbage")) is None


def test_rate_limits_count_each_client_behind_the_proxy_apart(settings):
    from django.core.cache import cache

    cache.clear()
    settings.XXGK_PUBLIC_FORM_RATE_LIMITS = True
    settings.XXGK_TRUST_X_FORWARDED_FOR = True
    first, second = _request(forwarded="203.0.113.1"), _request(forwarded="203.0.113.2")
    assert not rate_limited(first, "test", limit=1, window=60)
    assert rate_limited(first, "test", limit=1, window=60)
    assert not rate_limited(second, "test", limit=1, window=60)
    assert client_fingerprint(first) != client_fingerprint(second)
    # Turned off, the same requests are one client (the proxy), whatever they claim.
    settings.XXGK_TRUST_X_FORWARDED_FOR = False
    assert client_fingerprint(first) == client_fingerprint(second)
    cache.clear()


@pytest.mark.django_db
def test_audit_log_records_the_same_address(settings, office):
    from xxgk.audit.models import AuditEvent
    from xxgk.audit.services import record_event

    settings.XXGK_TRUST_X_FORWARDED_FOR = True
    request = _request(forwarded="198.51.100.1, 203.0.113.9")
    request.user = office
    record_event("test.client_ip", actor=office, request=request)
    assert AuditEvent.objects.filter(action="test.client_ip").get().ip_address == "203.0.113.9"
