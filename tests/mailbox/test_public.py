"""The public side of the mailbox: writing, the receipt, tracking, published letters."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.mailbox.helpers import solved_challenge
from xxgk.mailbox.models import Letter, LetterAttachment, LetterStatus, SensitiveWord
from xxgk.mailbox.services import approve_answer, assign_letter, draft_answer, submit_letter
from xxgk.security.public_forms import query_code_matches

pytestmark = pytest.mark.django_db


def write_url(mailbox):
    return reverse("mailbox:write", args=[mailbox.slug])


def post_letter(client, mailbox, data, **extra):
    return client.post(write_url(mailbox), {**data, **solved_challenge(), **extra})


def test_writer_gets_number_and_code_and_can_track(
    client, mailbox, letter_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_letter(client, mailbox, letter_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("mailbox:receipt")
    letter = Letter.objects.get()
    assert letter.number.startswith("XZ-") and letter.number.endswith("-000001")
    assert letter.status == LetterStatus.RECEIVED
    assert letter.events.get().action == "received"

    receipt = client.get(reverse("mailbox:receipt"))
    code = receipt.context["receipt"]["code"]
    assert letter.number in receipt.content.decode()
    assert code not in letter.query_code_hash
    assert query_code_matches(letter.number, code, letter.query_code_hash)
    # The acknowledgement e-mail carries the number, so the writer can find it again.
    assert mail.outbox[0].to == ["zhangsan@example.com"]
    assert letter.number in mail.outbox[0].body

    tracked = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    assert tracked.status_code == 200
    assert tracked.context["letter"] == letter
    assert "待分办" in tracked.content.decode()


def test_tracking_needs_both_number_and_code(client, mailbox, letter_data):
    letter, code = submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "consent_to_publish": False}
    )
    wrong = client.post(reverse("mailbox:track"), {"number": letter.number, "code": "WRONG123"})
    assert wrong.status_code == 404
    assert "编号或查询码不正确" in wrong.content.decode()
    assert letter.message not in wrong.content.decode()
    # Lower case and full-width input are forgiven.
    ok = client.post(
        reverse("mailbox:track"), {"number": letter.number.lower(), "code": f" {code.lower()} "}
    )
    assert ok.status_code == 200 and ok.context["letter"] == letter
    empty = client.post(reverse("mailbox:track"), {"number": "", "code": ""})
    assert empty.status_code == 400
    assert "请填写编号" in empty.content.decode()


def test_tracking_is_rate_limited(client, mailbox):
    for _ in range(20):
        client.post(reverse("mailbox:track"), {"number": "XZ-2026-000001", "code": "AAAAAAAA"})
    response = client.post(
        reverse("mailbox:track"), {"number": "XZ-2026-000001", "code": "AAAAAAAA"}
    )
    assert response.status_code == 429
    assert "查询过于频繁" in response.content.decode()


def test_answer_shows_on_tracker_once_approved(mailbox, letter_data, office, dept_a, editor_a):
    letter, code = submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "consent_to_publish": False}
    )
    assign_letter(letter, user=office, department=dept_a, working_days=10)
    draft_answer(letter, user=editor_a, answer="图书馆考试周开放至23:00。")
    from django.test import Client

    client = Client()
    page = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    assert "图书馆考试周开放至23:00" not in page.content.decode()  # a draft is not an answer
    approve_answer(letter, user=office)
    page = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    assert "已答复" in page.content.decode()
    assert "图书馆考试周开放至23:00" in page.content.decode()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"writer_name": ""}, "writer_name", "请填写姓名"),
        ({"phone": "", "email": ""}, "phone", "请至少填写联系电话或电子邮箱"),
        ({"message": "太短"}, "message", "至少 10 个字"),
        ({"message": "长" * 5001}, "message", "不能超过 5000 个字"),
        ({"email": "not-an-email"}, "email", "有效"),
        ({"phone": "139abc"}, "phone", "联系电话只能包含数字"),
        ({"subject": ""}, "subject", "请填写标题"),
    ],
)
def test_bad_letters_are_refused_with_chinese_errors(
    client, mailbox, letter_data, change, field, message
):
    response = post_letter(client, mailbox, {**letter_data, **change})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Letter.objects.exists()
    # The writer's text comes back for correction; a fresh question is asked.
    assert response.context["form"].challenge_question in response.content.decode()


def test_anonymous_letters_only_where_allowed(client, mailbox, letter_data):
    data = {**letter_data, "writer_name": "", "phone": "", "email": ""}
    assert post_letter(client, mailbox, data).status_code == 400
    mailbox.allow_anonymous = True
    mailbox.save()
    assert post_letter(client, mailbox, data).status_code == 302
    assert Letter.objects.get().writer_name == ""


def test_honeypot_and_wrong_answer_are_refused(client, mailbox, letter_data):
    trapped = post_letter(client, mailbox, letter_data, website="http://spam.example")
    assert trapped.status_code == 400
    assert "提交未通过校验" in trapped.content.decode()
    wrong = post_letter(client, mailbox, letter_data, challenge_answer="99")
    assert wrong.status_code == 400
    assert "验证问题回答不正确" in wrong.content.decode()
    tampered = post_letter(client, mailbox, letter_data, challenge="forged:token")
    assert tampered.status_code == 400
    assert "验证问题已过期" in tampered.content.decode()
    assert not Letter.objects.exists()


def test_a_solved_question_cannot_be_replayed(client, mailbox, letter_data):
    fields = solved_challenge()
    assert client.post(write_url(mailbox), {**letter_data, **fields}).status_code == 302
    again = client.post(write_url(mailbox), {**letter_data, **fields})
    assert again.status_code == 400
    assert "已使用过" in again.content.decode()
    assert Letter.objects.count() == 1


def test_letters_are_rate_limited_per_client(client, mailbox, letter_data):
    for _ in range(5):
        assert post_letter(client, mailbox, letter_data).status_code == 302
    blocked = post_letter(client, mailbox, letter_data)
    assert blocked.status_code == 429
    assert "提交过于频繁" in blocked.content.decode()
    assert Letter.objects.count() == 5


def pdf_upload(name="材料.pdf", content=b"%PDF-1.4\n%test\n"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_attachments_are_checked_and_kept_private(client, mailbox, letter_data, office):
    response = post_letter(client, mailbox, {**letter_data, "attachments": [pdf_upload()]})
    assert response.status_code == 302
    attachment = LetterAttachment.objects.get()
    assert attachment.original_name == "材料.pdf"
    assert attachment.file.name.startswith("mailbox/")
    url = reverse("mailbox_admin:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 302  # anonymous → login
    client.force_login(office)
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("uploads", "message"),
    [
        ([SimpleUploadedFile("a.exe", b"MZ\x90\x00")], "类型不允许"),
        ([pdf_upload(content=b"MZ not a pdf")], "内容与扩展名不符"),
        ([pdf_upload(f"{i}.pdf") for i in range(4)], "最多上传 3 个附件"),
        ([pdf_upload(content=b"%PDF" + b"0" * (5 * 1024 * 1024))], "超过 5 MB"),
    ],
)
def test_bad_attachments_are_refused(client, mailbox, letter_data, uploads, message):
    response = post_letter(client, mailbox, {**letter_data, "attachments": uploads})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["attachments"])
    assert not Letter.objects.exists() and not LetterAttachment.objects.exists()


def test_message_is_stored_as_typed_and_rendered_escaped(client, mailbox, letter_data):
    typed = "<script>alert('x')</script> 第一行\n第二行 & 更多"
    post_letter(client, mailbox, {**letter_data, "message": typed})
    letter = Letter.objects.get()
    assert letter.message == typed
    code = client.get(reverse("mailbox:receipt")).context["receipt"]["code"]
    page = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    html = page.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_sensitive_words_flag_but_never_drop(client, mailbox, letter_data):
    SensitiveWord.objects.create(word="投诉某某")
    response = post_letter(
        client, mailbox, {**letter_data, "message": "我要投诉某某的问题，请尽快处理。"}
    )
    assert response.status_code == 302
    assert Letter.objects.get().flagged_words == "投诉某某"


def test_inactive_or_unknown_mailboxes_are_404(client, mailbox):
    mailbox.is_active = False
    mailbox.save()
    assert client.get(write_url(mailbox)).status_code == 404
    assert client.get(reverse("mailbox:write", args=["nope"])).status_code == 404


def test_receipt_without_a_submission_sends_to_tracking(client):
    response = client.get(reverse("mailbox:receipt"))
    assert response.status_code == 302 and response["Location"] == reverse("mailbox:track")


def test_public_pages_render(client, mailbox):
    assert "校长信箱" in client.get(reverse("mailbox:index")).content.decode()
    assert client.get(reverse("mailbox:mailbox", args=[mailbox.slug])).status_code == 200
    form = client.get(write_url(mailbox))
    assert form.status_code == 200
    assert "等于几" in form.content.decode()
    assert (
        client.get(reverse("mailbox:mailbox", args=[mailbox.slug]) + "?page=x").status_code == 404
    )


def test_nav_links_to_the_mailbox(client, mailbox):
    assert 'href="/mailbox/"' in client.get(reverse("mailbox:index")).content.decode()
