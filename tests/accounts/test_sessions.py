"""Staff sessions end at browser close and after the idle limit; the public's do not."""

import time

import pytest
from django.contrib.auth import get_user_model

from tests.factories import TEST_PASSWORD
from xxgk.accounts.sessions import LAST_SEEN_KEY
from xxgk.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def idle_for(client, minutes):
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - minutes * 60
    session.save()


def test_staff_session_cookie_ends_with_the_browser(client, editor_a):
    sign_in(client, "editor_a")
    cookie = client.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.get("/admin/").status_code == 200
    assert client.session.get_expire_at_browser_close()


def test_idle_staff_session_is_ended(client, editor_a):
    sign_in(client, "editor_a")
    idle_for(client, 31)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    expired = AuditEvent.objects.get(action="auth.session.expired")
    assert expired.actor == editor_a
    assert expired.detail["idle_minutes"] == 31


def test_activity_within_the_limit_keeps_the_session(client, editor_a):
    sign_in(client, "editor_a")
    idle_for(client, 29)
    assert client.get("/admin/").status_code == 200
    assert time.time() - client.session[LAST_SEEN_KEY] < 60


def test_limit_comes_from_settings(client, editor_a, settings):
    settings.XXGK_STAFF_SESSION_IDLE_MINUTES = 5
    sign_in(client, "editor_a")
    idle_for(client, 6)
    assert client.get("/admin/").status_code == 302


def test_public_sessions_are_left_alone(client):
    """An account without back-office access keeps Django's ordinary session."""
    user = get_user_model().objects.create_user("visitor", password=TEST_PASSWORD)
    client.force_login(user)
    idle_for(client, 120)
    client.get("/")
    session = client.session
    assert session.get("_auth_user_id") == str(user.pk)
    assert not session.get_expire_at_browser_close()
