"""Hardening found by the outsider's probe (issue 17): the form question cannot be read from
the page, password forms are throttled, development media never serves documents."""

import base64
import hashlib
import hmac
import json
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.mailbox.helpers import answer_to
from xxgk.core import views as core_views
from xxgk.security.public_forms import new_challenge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def token_payload(token: str) -> dict:
    """What anyone can read from the hidden field: the signed part is only base64."""
    data = token.split(":")[0]
    compressed = data.startswith(".")
    raw = base64.urlsafe_b64decode(data.lstrip(".") + "=" * (-len(data.lstrip(".")) % 4))
    assert not compressed
    return json.loads(raw)


def test_the_question_token_does_not_carry_the_answer():
    for _ in range(20):
        token, question = new_challenge()
        payload = token_payload(token)
        assert set(payload) == {"n", "h"}
        # Without the server's key, no candidate answer can be checked against the hash.
        for guess in range(2, 19):
            for key in (b"", payload["n"].encode()):
                message = "\x1f".join(["challenge", payload["n"], str(guess)]).encode()
                assert hmac.new(key, message, hashlib.sha256).hexdigest() != payload["h"]
        assert answer_to(question).isdigit()


@pytest.mark.parametrize("url", ["/apply/", "/mailbox/president/write/", "/complaints/"])
def test_forms_show_the_question_but_not_its_answer(client, mailbox, url):
    response = client.get(url)
    form = response.context["form"]
    assert form.challenge_question in response.text
    token = re.search(r'name="challenge" value="([^"]+)"', response.text).group(1)
    assert token == form.challenge_token and set(token_payload(token)) == {"n", "h"}


def restricted_page():
    """A password on the guide: disclosures can never carry a view restriction (rights rule)."""
    page = Page.objects.get(slug="guide")
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="correct horse"
    )


def test_page_password_attempts_are_throttled(client, settings):
    settings.XXGK_PAGE_PASSWORD_LIMIT = (3, 900)
    restriction = restricted_page()
    url = f"/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/"
    data = {"password": "guess", "return_url": restriction.page.url}
    for _ in range(3):
        assert client.post(url, data).status_code == 200  # Wagtail's form, "wrong password"
    refused = client.post(url, {**data, "password": "correct horse"})
    assert refused.status_code == 429
    assert "密码输入错误次数过多" in refused.text and "15 分钟后再试" in refused.text
    assert restriction.page.url not in refused.headers.get("Location", "")
    # Another address is another client; GET of the form is not counted.
    assert client.get(url).status_code in (200, 405)
    other = client.post(url, {**data, "password": "correct horse"}, REMOTE_ADDR="203.0.113.5")
    assert other.status_code == 302


def test_collection_password_attempts_are_throttled(client, settings):
    settings.XXGK_PAGE_PASSWORD_LIMIT = (2, 900)
    collection = Collection.get_first_root_node().add_child(name="内部文件")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret-1",
    )
    Document.objects.create(
        title="x", collection=collection, file=ContentFile(b"%PDF-1.4", name="x.pdf")
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    for _ in range(2):
        assert client.post(url, {"password": "guess", "return_url": "/"}).status_code == 200
    assert client.post(url, {"password": "secret-1", "return_url": "/"}).status_code == 429


def test_password_reset_requests_are_throttled(client, settings, office):
    settings.XXGK_PASSWORD_RESET_LIMIT = (2, 3600)
    office.email = "office@example.edu.cn"
    office.save()
    url = "/admin/password_reset/"
    for _ in range(2):
        assert client.post(url, {"email": office.email}).status_code == 302
    sent = len(mail.outbox)
    refused = client.post(url, {"email": office.email})
    assert refused.status_code == 429 and "密码重置请求过于频繁" in refused.text
    assert len(mail.outbox) == sent  # no further mail


@pytest.mark.parametrize(
    "path",
    ["documents/plan.pdf", "./documents/plan.pdf", "original_images/../documents/plan.pdf"],
)
def test_development_media_never_serves_documents(settings, tmp_path, path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "plan.pdf").write_bytes(b"%PDF-1.4 draft")
    request = RequestFactory().get(f"/media/{path}")
    with pytest.raises(core_views.Http404):
        core_views.serve_media(request, path)


def test_development_media_serves_images_and_is_wired_only_under_debug(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    request = RequestFactory().get("/media/original_images/logo.png")
    assert core_views.serve_media(request, "original_images/logo.png").status_code == 200
    settings.DEBUG = False
    assert core_views.media_patterns() == []
    settings.DEBUG = True
    (pattern,) = core_views.media_patterns()
    assert pattern.resolve("media/documents/plan.pdf").func is core_views.serve_media
