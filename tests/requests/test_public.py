import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.mailbox.helpers import solved_challenge
from xxgk.requests import services
from xxgk.requests.models import Application, Attachment

from .conftest import applicant, credit_code, make_application, resident_id

pytestmark = pytest.mark.django_db
APPLY = "/apply/"
TRACK = "/apply/track/"


def form_data(token="a" * 32, **overrides):
    return {**applicant(**overrides), "token": token, "consent": "on", **solved_challenge()}


def test_form_renders_official_fields(client):
    response = client.get(APPLY)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "申请人类型",
        "商业企业",
        "法律服务机构",
        "证件号码",
        "所需信息的内容描述",
        "光盘",
    ):
        assert text in html
    assert 'name="website"' in html and 'name="token"' in html
    assert 'name="challenge"' in html and 'data-testid="challenge-question"' in html


def test_the_application_form_asks_the_mailbox_question(client):
    """Without a right answer nothing is stored; each question gets one try."""
    data = form_data()
    for protection in ({"challenge_answer": ""}, {"challenge": "forged:token"}):
        response = client.post(APPLY, {**data, **protection})
        assert response.status_code == 400
    wrong = str(int(data["challenge_answer"]) % 18 + 1)
    response = client.post(APPLY, {**data, "challenge_answer": wrong})
    assert response.status_code == 400 and "验证问题回答不正确" in response.content.decode()
    again = client.post(APPLY, data)  # the right answer, but the question was used
    assert again.status_code == 400 and "已使用过" in again.content.decode()
    assert Application.objects.count() == 0
    assert client.post(APPLY, form_data()).status_code == 302
    assert Application.objects.count() == 1


def test_submit_gives_number_and_code_once_stored_hashed(client):
    response = client.post(APPLY, form_data())
    assert response.status_code == 302 and response.url == reverse("requests:done")
    application = Application.objects.get()
    done = client.get(response.url).content.decode()
    assert application.number in done
    code = client.session["xxgk_apply_result"]["code"]
    assert code in done and code not in application.query_code_hash
    assert application.channel == "online" and application.events.get().kind == "submitted"


def test_invalid_id_checksum_rerenders_with_chinese_error_and_keeps_input(client):
    bad = resident_id()[:-1] + ("0" if resident_id()[-1] != "0" else "1")
    response = client.post(APPLY, form_data(id_number=bad, name="李四"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "居民身份证号码校验位不正确" in html
    assert 'value="李四"' in html
    assert Application.objects.count() == 0


def test_organisation_needs_credit_code_and_contact(client):
    response = client.post(
        APPLY, form_data(applicant_type="legal", name="某律师事务所", id_type="credit_code")
    )
    assert "法人或其他组织须填写联系人" in response.content.decode()
    response = client.post(
        APPLY,
        form_data(
            applicant_type="legal",
            name="某律师事务所",
            contact_person="王律师",
            id_type="credit_code",
            id_number=credit_code(),
        ),
    )
    assert response.status_code == 302
    assert Application.objects.get().applicant_type == "legal"


def test_missing_fields_are_reported(client):
    response = client.post(APPLY, form_data(description="", phone=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "请填写所需信息的内容描述" in html and "请填写联系电话" in html


def test_attachments_allow_list_size_and_content(client, settings):
    settings.XXGK_REQUESTS_ATTACHMENT_MAX_BYTES = 1024
    exe = SimpleUploadedFile("virus.exe", b"MZ...")
    response = client.post(APPLY, {**form_data(), "attachments": [exe]})
    assert "文件类型不允许" in response.content.decode()
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 2048)
    response = client.post(APPLY, {**form_data(), "attachments": [big]})
    assert "大小限制" in response.content.decode()
    fake = SimpleUploadedFile("fake.pdf", b"not a pdf")
    response = client.post(APPLY, {**form_data(), "attachments": [fake]})
    assert "内容与扩展名不符" in response.content.decode()
    assert Application.objects.count() == 0 and Attachment.objects.count() == 0
    good = SimpleUploadedFile("id.pdf", b"%PDF-1.4 small")
    response = client.post(APPLY, {**form_data(), "attachments": [good]})
    assert response.status_code == 302
    stored = Attachment.objects.get()
    assert stored.original_name == "id.pdf" and "/media/" not in stored.file.path


def test_malformed_post_and_honeypot_are_400(client):
    data = form_data()
    del data["token"]
    assert client.post(APPLY, data).status_code == 400
    assert client.post(APPLY, {**form_data(), "website": "http://spam.example"}).status_code == 400
    assert Application.objects.count() == 0


def test_double_click_submits_once(client):
    data = form_data(token="b" * 32)
    assert client.post(APPLY, data).status_code == 302
    assert client.post(APPLY, data).status_code == 302  # same token and (used) question
    assert Application.objects.count() == 1


def test_submission_rate_limit(client, settings):
    settings.XXGK_REQUESTS_SUBMIT_LIMIT = (2, 3600)
    for n in range(2):
        assert client.post(APPLY, form_data(token=f"{n}" * 32)).status_code == 302
    response = client.post(APPLY, form_data(token="9" * 32))
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()
    assert Application.objects.count() == 2


def test_tracker_shows_status_and_due_date(client):
    application, code = make_application()
    response = client.post(TRACK, {"number": application.number, "code": code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "已收到" in html and f"{application.due_date:%Y年%-m月%-d日}" in html


def test_wrong_code_answers_exactly_like_unknown_number(client):
    application, code = make_application()
    wrong = client.post(TRACK, {"number": application.number, "code": "WRONGCODE1"})
    missing = client.post(TRACK, {"number": "YSQ-2026-999999", "code": "WRONGCODE1"})
    assert wrong.status_code == missing.status_code == 200
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')

    def page(response, number):
        return csrf.sub("", response.content.decode().replace(number, ""))

    assert page(wrong, application.number) == page(missing, "YSQ-2026-999999")
    assert "申请编号或查询码不正确" in wrong.content.decode()


def test_tracker_rate_limits_failures(client, settings):
    settings.XXGK_REQUESTS_TRACK_LIMIT = (3, 600)
    for _ in range(3):
        client.post(TRACK, {"number": "YSQ-2026-000001", "code": "XXXXXXXXXX"})
    application, code = make_application()
    response = client.post(TRACK, {"number": application.number, "code": code})
    assert response.status_code == 429


def test_reply_and_letters_visible_to_tracker_only(client, office):
    application, code = make_application()
    released = SimpleUploadedFile("计划.pdf", b"%PDF-1.4 plan")
    application = services.answer(
        application, actor=office, outcome="1", reply_text="现提供招生计划。", released=[released]
    )
    letter = application.letters.get(kind="reply")
    file = application.attachments.get(kind="released")
    letter_url = reverse("requests:tracked_letter", args=[application.number, letter.pk, "pdf"])
    file_url = reverse("requests:tracked_file", args=[application.number, file.pk])
    assert client.get(letter_url).status_code == 404
    html = client.post(TRACK, {"number": application.number, "code": code}).content.decode()
    assert "现提供招生计划" in html and "予以公开" in html and letter_url in html
    response = client.get(letter_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert b"".join(client.get(file_url).streaming_content) == b"%PDF-1.4 plan"
    assert client.get(letter_url.replace(".pdf", ".exe")).status_code == 404


def test_form_is_readable_in_browser_encoding(client):
    """Sanity: the page is UTF-8 and declares it."""
    response = client.get(APPLY)
    assert "charset=utf-8" in response["Content-Type"]
    assert io.BytesIO(response.content).read().decode("utf-8")
