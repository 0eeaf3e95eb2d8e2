"""Every response carries the security headers; public pages need no inline code (CSP)."""

import re
import subprocess
import sys

import pytest
from django.conf import settings

from tests.factories import published_disclosure
from xxgk.security.middleware import ADMIN_POLICY, PUBLIC_POLICY

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/catalogue/",
    "/guide/",
    "/rules/",
    "/reports/",
    "/search/?q=招生",
    "/apply/",
    "/apply/track/",
    "/mailbox/",
    "/complaints/",
    "/evaluation/surveys/",
]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"")


@pytest.fixture
def public_pages(item_a, dept_a, editor_a):
    disclosure = published_disclosure(item=item_a, department=dept_a, author=editor_a)
    return [*PUBLIC_PATHS, disclosure.url]


def test_public_pages_have_strict_csp_and_no_inline_code(client, public_pages):
    checked = 0
    for path in public_pages:
        response = client.get(path)
        if response.status_code == 404:
            continue  # a page the demo tree of this test does not hold
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == PUBLIC_POLICY
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
        assert "Permissions-Policy" in response
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), f"inline <script> on {path}"
        assert not INLINE_STYLE.search(html), f"inline style on {path}"
        checked += 1
    assert checked >= 5


def test_admin_gets_the_documented_laxer_policy(client, office):
    client.force_login(office)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_POLICY


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 30 + "-production-test-secret-key-0123456789",
        "FIELD_ENCRYPTION_KEY": "Qw3r7y8u9i0oPaSdFgHjKlZxCvBnM1234567890abcd=",
        "ALLOWED_HOSTS": "xxgk.example.edu.cn",
        "XXGK_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
