import base64
import json

import pytest
from django.core.exceptions import PermissionDenied

from xxgk.api.models import ApiCallLog, IntegrationToken
from xxgk.api.services import create_token, revoke_token, rotate_token
from xxgk.disclosures.models import DisclosurePage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def post(client, auth, payload, path="/api/v1/integration/disclosures", method="post"):
    return getattr(client, method)(
        path, data=json.dumps(payload), content_type="application/json", **auth
    )


def test_token_is_stored_only_as_a_digest(token_a):
    token, plaintext = token_a
    assert plaintext.startswith("xxgk_") and len(plaintext) == 48
    stored = IntegrationToken.objects.get(pk=token.pk)
    assert plaintext not in {stored.key_hash, stored.prefix, stored.name}
    assert stored.key_hash == IntegrationToken.digest(plaintext)


def test_only_the_office_manages_tokens(dept_a, editor_a, supervisor):
    for user in (editor_a, supervisor):
        with pytest.raises(PermissionDenied):
            create_token(department=dept_a, name="x", by=user)


def test_create_draft_with_attachment_never_publishes(client, auth_a, item_a, dept_a):
    response = post(
        client,
        auth_a,
        {
            "item": "7",
            "title": "2023年招生章程",
            "summary": "招生章程全文",
            "body": '<p onclick="x()">正文<script>alert(1)</script></p>',
            "attachments": [{"filename": "章程.pdf", "content_base64": b64(PDF)}],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert body["department"]["code"] == "ZSA"
    assert [a["extension"] for a in body["attachments"]] == ["pdf"]
    page = DisclosurePage.objects.get(pk=body["id"])
    assert not page.live and page.publishing_department == dept_a
    assert "script" not in page.body and "onclick" not in page.body
    assert page.owner.username == "api_zsa"
    # A draft is not public anywhere.
    assert client.get(f"/api/v1/disclosures/{page.pk}").status_code == 404


def test_department_can_only_file_under_its_own_items(client, auth_a, item_b):
    response = post(client, auth_a, {"item": "19", "title": "预算"})
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not DisclosurePage.objects.filter(title="预算").exists()


@pytest.mark.parametrize(
    ("attachment", "status"),
    [
        ({"filename": "a.exe", "content_base64": b64(b"MZ\x90\x00")}, 422),
        ({"filename": "a.pdf", "content_base64": b64(b"MZ\x90\x00")}, 422),
        ({"filename": "a.pdf", "content_base64": "not base64!"}, 422),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_saved(
    client, auth_a, item_a, attachment, status
):
    before = DisclosurePage.objects.count()
    response = post(client, auth_a, {"item": "7", "title": "带附件", "attachments": [attachment]})
    assert response.status_code == status
    assert response.json()["message"]
    assert DisclosurePage.objects.count() == before


def test_unknown_fields_and_bad_json_are_4xx(client, auth_a, item_a):
    response = post(client, auth_a, {"item": "7", "title": "x", "publish": True})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "不允许的字段。"
    response = client.post(
        "/api/v1/integration/disclosures", data="{", content_type="application/json", **auth_a
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer xxgk_short", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000],
)
def test_malformed_or_missing_tokens_are_401_and_audited(client, item_a, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = post(client, extra, {"item": "7", "title": "x"})
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"
    call = ApiCallLog.objects.get()
    assert call.token is None and call.status_code == 401 and call.result == "invalid_token"


def test_revoked_and_rotated_tokens_stop_working(client, token_a, office, item_a):
    token, plaintext = token_a
    new, new_plaintext = rotate_token(token, by=office)
    old_auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    new_auth = {"HTTP_AUTHORIZATION": f"Bearer {new_plaintext}"}
    assert client.get("/api/v1/integration/whoami", **old_auth).status_code == 401
    assert client.get("/api/v1/integration/whoami", **new_auth).status_code == 200
    token.refresh_from_db()
    assert token.replaced_by == new and token.revoked_by == office
    revoke_token(new, by=office)
    assert client.get("/api/v1/integration/whoami", **new_auth).status_code == 401


def test_every_call_is_audited_and_the_log_is_append_only(client, auth_a, token_a, item_a):
    response = post(
        client,
        {**auth_a, "HTTP_USER_AGENT": "zs-system/1.0", "REMOTE_ADDR": "10.1.2.3"},
        {"item": "7", "title": "审计测试"},
    )
    call = ApiCallLog.objects.get()
    assert call.token == token_a[0] and call.department.code == "ZSA"
    assert (call.method, call.path, call.status_code, call.result) == (
        "POST",
        "/api/v1/integration/disclosures",
        201,
        "ok",
    )
    assert call.object_id == response.json()["id"]
    assert call.remote_addr == "10.1.2.3" and call.user_agent == "zs-system/1.0"
    assert call.endpoint
    call.result = "tampered"
    with pytest.raises(PermissionError):
        call.save()
    with pytest.raises(PermissionError):
        call.delete()
    with pytest.raises(PermissionError):
        ApiCallLog.objects.update(result="x")
    with pytest.raises(PermissionError):
        ApiCallLog.objects.all().delete()


def test_update_draft_fields_and_append_attachments(client, auth_a, item_a):
    created = post(client, auth_a, {"item": "7", "title": "初稿", "body": "<p>一</p>"}).json()
    response = post(
        client,
        auth_a,
        {
            "title": "修改稿",
            "attachments": [{"filename": "b.pdf", "content_base64": b64(PDF), "title": "附件B"}],
        },
        path=f"/api/v1/integration/disclosures/{created['id']}",
        method="patch",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["title"] == "修改稿" and body["body"] == "<p>一</p>"
    assert [a["title"] for a in body["attachments"]] == ["附件B"]
    page = DisclosurePage.objects.get(pk=created["id"])
    assert page.title == "修改稿" and not page.live
    assert page.get_latest_revision_as_object().title == "修改稿"


def test_update_refuses_null_for_fields_that_cannot_be_cleared(client, auth_a, item_a):
    created = post(client, auth_a, {"item": "7", "title": "初稿", "body": "<p>一</p>"}).json()
    path = f"/api/v1/integration/disclosures/{created['id']}"
    response = post(client, auth_a, {"title": None}, path=path, method="patch")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "body.payload.title", "message": "须为字符串。"}]
    response = post(client, auth_a, {"formed_on": None}, path=path, method="patch")
    assert response.status_code == 200 and response.json()["title"] == "初稿"


def test_cannot_update_other_departments_or_published_items(client, auth_a, published, item_a):
    other = published[2]  # department B
    response = post(
        client,
        auth_a,
        {"title": "x"},
        path=f"/api/v1/integration/disclosures/{other.pk}",
        method="patch",
    )
    assert response.status_code == 404
    own_live = published[0]
    response = post(
        client,
        auth_a,
        {"title": "x"},
        path=f"/api/v1/integration/disclosures/{own_live.pk}",
        method="patch",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "not_editable"
    own_live.refresh_from_db()
    assert own_live.title == "2022年招生章程"


def test_read_own_disclosure_status(client, auth_a, published):
    body = client.get(f"/api/v1/integration/disclosures/{published[0].pk}", **auth_a).json()
    assert body["status"] == "live"
    assert (
        client.get(f"/api/v1/integration/disclosures/{published[2].pk}", **auth_a).status_code
        == 404
    )


def test_oversized_request_is_413(client, auth_a, item_a, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big = {
        "item": "7",
        "title": "大",
        "attachments": [{"filename": "a.pdf", "content_base64": b64(PDF + b"0" * 2000)}],
    }
    response = post(client, auth_a, big)
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
