"""django-axes behind Wagtail's login form: username + address lockout, in Chinese, 429."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.factories import TEST_PASSWORD
from xxgk.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, password, ip="192.0.2.10", username="editor_a"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_repeated_failures_lock_the_username_at_that_address(client, editor_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong-password").status_code == 200
    locked = attempt(client, "wrong-password")
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.text
    assert "15 分钟后再试" in locked.text

    # Locked even with the right password; nothing signed in.
    again = attempt(client, TEST_PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.login.locked_out").exists()

    # The same account from another address is not affected (username + IP).
    assert attempt(client, TEST_PASSWORD, ip="198.51.100.20").status_code == 302


def test_other_accounts_from_the_locked_address_may_sign_in(client, editor_a, editor_b, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password")
    assert attempt(client, TEST_PASSWORD, username="editor_b").status_code == 302


def test_reset_command_lifts_the_lockout(client, editor_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password")
    assert attempt(client, TEST_PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor_a", verbosity=0)
    assert attempt(client, TEST_PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, editor_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong-password")
    assert attempt(client, TEST_PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong-password").status_code == 200


@pytest.mark.parametrize(
    "password",
    ["short1!", "1234567890123", "password123456", "editor_a-2026"],
    ids=["too-short", "numeric", "common", "like-the-username"],
)
def test_weak_passwords_are_refused(editor_a, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor_a)


def test_a_strong_password_passes(editor_a, settings):
    lengths = [
        v.get("OPTIONS", {}).get("min_length")
        for v in settings.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    ]
    assert lengths and lengths[0] >= 10
    validate_password("Huang-He-Liu-Xiang-Dong", user=editor_a)
