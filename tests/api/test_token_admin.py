import re

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD
from xxgk.api.models import IntegrationToken

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)


def test_office_issues_a_token_shown_once(client, office, dept_a):
    login(client, office)
    assert client.get(reverse("xxgk_api_token_create")).status_code == 200
    response = client.post(
        reverse("xxgk_api_token_create"), {"department": dept_a.pk, "name": "招生系统"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    plaintext = re.search(r"xxgk_[A-Za-z0-9_-]{43}", response.content.decode()).group(0)
    token = IntegrationToken.objects.get()
    assert token.key_hash == IntegrationToken.digest(plaintext)
    listing = client.get(reverse("xxgk_api_tokens")).content.decode()
    assert token.prefix in listing and plaintext not in listing
    assert (
        client.get("/api/v1/integration/whoami", HTTP_AUTHORIZATION=f"Bearer {plaintext}").json()[
            "department"
        ]["code"]
        == "ZSA"
    )


def test_office_rotates_and_revokes(client, office, token_a):
    token, _ = token_a
    login(client, office)
    response = client.post(reverse("xxgk_api_token_rotate", args=[token.pk]))
    assert response.status_code == 200
    assert re.search(r"xxgk_[A-Za-z0-9_-]{43}", response.content.decode())
    new = IntegrationToken.objects.get(revoked_at__isnull=True)
    assert new.pk != token.pk
    response = client.post(reverse("xxgk_api_token_revoke", args=[new.pk]))
    assert response.status_code == 302
    assert not IntegrationToken.objects.filter(revoked_at__isnull=True).exists()


def test_missing_department_is_a_form_error(client, office):
    login(client, office)
    response = client.post(reverse("xxgk_api_token_create"), {"name": "x"})
    assert response.status_code == 400
    assert not IntegrationToken.objects.exists()


@pytest.mark.parametrize("name", ["xxgk_api_tokens", "xxgk_api_token_create"])
def test_editors_cannot_see_or_issue_tokens(client, editor_a, name):
    login(client, editor_a)
    assert client.get(reverse(name)).status_code == 403


def test_editor_cannot_revoke(client, editor_a, token_a):
    login(client, editor_a)
    response = client.post(reverse("xxgk_api_token_revoke", args=[token_a[0].pk]))
    assert response.status_code == 403
    assert IntegrationToken.objects.get(pk=token_a[0].pk).revoked_at is None


def test_call_log_is_readable_by_office_and_supervisor(client, office, supervisor, auth_a):
    client.get("/api/v1/integration/whoami", **auth_a)
    client.get("/api/v1/integration/whoami", HTTP_AUTHORIZATION="Bearer nonsense")
    for user in (office, supervisor):
        login(client, user)
        page = client.get(reverse("xxgk_api_calls")).content.decode()
        assert "/api/v1/integration/whoami" in page and "401" in page
        failed = client.get(reverse("xxgk_api_calls") + "?failed=1").content.decode()
        assert "invalid_token" in failed and " 200 " not in failed


def test_editor_cannot_read_call_log(client, editor_a):
    login(client, editor_a)
    assert client.get(reverse("xxgk_api_calls")).status_code == 403
