"""TOTP two-factor authentication, required per role by the office's policy."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD
from xxgk.accounts.models import TwoFactorPolicy
from xxgk.audit.models import AuditEvent
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role

pytestmark = pytest.mark.django_db

VERIFY = "/admin/two-factor/"
ENROL = "/admin/two-factor/enrol/"


def code_for(device, offset=0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return str(value).zfill(device.digits)


def wrong_code_for(device) -> str:
    return str((int(code_for(device)) + 1) % 1_000_000).zfill(6)


@pytest.fixture
def office_requires_2fa(db):
    policy = TwoFactorPolicy.load()
    policy.required_groups.add(Group.objects.get(name=ROLE_GROUP_NAMES[Role.OFFICE]))
    return policy


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


def test_tests_default_to_no_requirement(client, office):
    sign_in(client, "office1")
    assert client.get("/admin/").status_code == 200


def test_required_role_without_a_device_is_sent_to_enrolment(client, office, office_requires_2fa):
    sign_in(client, "office1")
    for path in ("/admin/", "/admin/pages/", "/admin/audit/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL + "?next=")


def test_enrolment_shows_a_local_qr_code_and_confirms_with_a_code(
    client, office, office_requires_2fa
):
    sign_in(client, "office1")
    page = client.get(ENROL + "?next=/admin/pages/")
    assert page.status_code == 200
    assert "<svg" in page.text and "http" not in page.text.split("<svg", 1)[1].split("</svg>")[0]
    device = TOTPDevice.objects.get(user=office, confirmed=False)
    assert page.context["secret"] in page.text

    refused = client.post(ENROL, {"code": wrong_code_for(device), "next": "/admin/pages/"})
    assert refused.status_code == 400
    assert "验证码不正确" in refused.text
    device.refresh_from_db()
    assert not device.confirmed

    # A fresh device row: the failed attempt above started django-otp's throttling delay.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(ENROL, {"code": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.two_factor.enrolled", actor=office).exists()


@pytest.fixture
def office_device(office):
    return TOTPDevice.objects.create(user=office, name="身份验证器", confirmed=True)


def test_enrolled_user_must_verify_each_session(client, office, office_requires_2fa, office_device):
    sign_in(client, "office1")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY + "?next=")
    # Enrolment cannot be used to replace the device before verifying.
    assert client.get(ENROL)["Location"].startswith(VERIFY)

    refused = client.post(VERIFY, {"code": wrong_code_for(office_device)})
    assert refused.status_code == 400
    assert "验证码不正确" in refused.text
    assert client.get("/admin/").status_code == 302
    assert AuditEvent.objects.filter(action="auth.two_factor.failed", actor=office).exists()

    TOTPDevice.objects.filter(pk=office_device.pk).update(throttling_failure_count=0)
    office_device.refresh_from_db()
    verified = client.post(VERIFY, {"code": code_for(office_device), "next": "/admin/pages/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/audit/").status_code == 200


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1234567"])
@pytest.mark.usefixtures("office_requires_2fa", "office_device")
def test_malformed_codes_get_a_chinese_error(client, office, code):
    sign_in(client, "office1")
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 400
    assert "验证码" in response.text


def test_next_cannot_leave_the_site(client, office, office_requires_2fa, office_device):
    sign_in(client, "office1")
    response = client.post(
        VERIFY, {"code": code_for(office_device), "next": "https://evil.example/steal"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_role_not_required_is_unaffected(client, editor_a, office_requires_2fa):
    sign_in(client, "editor_a")
    assert client.get("/admin/").status_code == 200


def test_superusers_follow_their_own_switch(client, admin_user):
    policy = TwoFactorPolicy.load()
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    policy.require_superusers = True
    policy.save()
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert AuditEvent.objects.filter(action="accounts.two_factor_policy.changed").exists()


def test_new_policy_takes_the_deployment_defaults(settings):
    settings.XXGK_TWO_FACTOR_DEFAULT_ROLES = ["office", "reviewer"]
    TwoFactorPolicy.objects.all().delete()
    policy = TwoFactorPolicy.load()
    assert set(policy.required_groups.values_list("name", flat=True)) == {
        ROLE_GROUP_NAMES[Role.OFFICE],
        ROLE_GROUP_NAMES[Role.REVIEWER],
    }


def test_office_edits_the_policy_in_the_admin(client, office):
    client.force_login(office)
    url = "/admin/settings/accounts/twofactorpolicy/"
    response = client.get(url)
    if response.status_code == 302:  # Wagtail redirects to the row's own URL
        url = response["Location"]
        response = client.get(url)
    assert response.status_code == 200
    group = Group.objects.get(name=ROLE_GROUP_NAMES[Role.REVIEWER])
    response = client.post(url, {"required_groups": [group.pk]})
    assert response.status_code == 302
    assert list(TwoFactorPolicy.load().required_groups.all()) == [group]
    event = AuditEvent.objects.filter(action="accounts.two_factor_policy.changed").latest("id")
    assert event.actor == office and event.detail == {"added": [group.name]}


def test_public_pages_are_not_gated(client, office, office_requires_2fa):
    sign_in(client, "office1")
    assert client.get("/").status_code == 200


def test_reset_command_removes_devices(office, office_device):
    call_command("reset_two_factor", "office1", verbosity=0)
    assert not TOTPDevice.objects.filter(user=office).exists()
    assert AuditEvent.objects.filter(action="auth.two_factor.reset").exists()
