"""Hostile input against the public forms and the case pages: each gets the right refusal and
nothing is stored half-way. (Attachments' types and sizes: tests/security/test_uploads.py and
the apps' own tests; arbitrary text: tests/security/test_fuzz.py.)"""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.mailbox.helpers import solved_challenge
from tests.requests.conftest import applicant, make_application
from xxgk.complaints import services as complaint_services
from xxgk.complaints.models import Complaint, ComplaintEvent
from xxgk.mailbox import services as mailbox_services
from xxgk.mailbox.models import Letter, LetterAttachment, LetterEvent
from xxgk.requests import services as request_services
from xxgk.requests.models import Application, Attachment, Event

pytestmark = pytest.mark.django_db

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"
PDF = b"%PDF-1.4\n%hostile\n"
MODELS = [
    Application,
    Attachment,
    Event,
    Letter,
    LetterAttachment,
    LetterEvent,
    Complaint,
    ComplaintEvent,
]


def counts():
    return [model.objects.count() for model in MODELS]


def assert_escaped(html: str):
    assert "<script>alert" not in html and "onerror=alert(1)>" not in html.replace("&gt;", "")
    assert ESCAPED in html


def apply_data(**overrides):
    return {**applicant(**overrides), "token": "h" * 32, "consent": "on", **solved_challenge()}


def complaint_data(**overrides):
    return {
        "kind": "late",
        "subject": "招生章程未按时公开",
        "message": "2022年招生章程在招生开始后仍未公开。",
        "email": "someone@example.com",
        **solved_challenge(),
        **overrides,
    }


# --- stored XSS ---------------------------------------------------------------------------

APPLICATION_TEXT = ["name", "address", "description"]


@pytest.mark.parametrize("field", APPLICATION_TEXT)
def test_xss_in_an_application_is_stored_as_typed_and_shown_escaped(client, office, field):
    value = f"{XSS} 正文内容" if field == "description" else XSS
    response = client.post(reverse("requests:apply"), apply_data(**{field: value}))
    assert response.status_code == 302
    application = Application.objects.get()
    assert getattr(application, field) == value
    done = client.get(reverse("requests:done"))
    assert "<script>alert" not in done.content.decode()
    code = done.context["result"]["code"]
    status = client.post(reverse("requests:track"), {"number": application.number, "code": code})
    assert "<script>alert" not in status.content.decode()
    office_client = Client()
    office_client.force_login(office)
    for url in (
        reverse("requests_admin:index"),
        reverse("requests_admin:detail", args=[application.pk]),
    ):
        html = office_client.get(url).content.decode()
        assert "<script>alert" not in html
    assert_escaped(
        office_client.get(reverse("requests_admin:detail", args=[application.pk])).content.decode()
    )


@pytest.mark.parametrize("field", ["writer_name", "subject", "message"])
def test_xss_in_a_letter_is_shown_escaped_to_staff_the_writer_and_the_public(
    client, office, mailbox, letter_data, dept_a, field
):
    value = f"{XSS} 第一行内容足够长" if field == "message" else XSS[:50]
    response = client.post(
        reverse("mailbox:write", args=[mailbox.slug]),
        {**letter_data, field: value, **solved_challenge()},
    )
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert getattr(letter, field) == value
    code = client.get(reverse("mailbox:receipt")).context["receipt"]["code"]
    tracked = client.post(reverse("mailbox:track"), {"number": letter.number, "code": code})
    assert "<script>alert" not in tracked.content.decode()
    staff = Client()
    staff.force_login(office)
    assert "<script>alert" not in staff.get(reverse("mailbox_admin:list")).content.decode()
    detail = staff.get(reverse("mailbox_admin:letter", args=[letter.pk])).content.decode()
    assert "<script>" not in detail and "&lt;script&gt;" in detail
    # Published (the office keeps the writer's words): the public page escapes them too.
    mailbox_services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    mailbox_services.draft_answer(letter, user=office, answer=f"答复：{XSS}")
    mailbox_services.approve_answer(letter, user=office)
    public = "<script>alert('public')</script>"  # not the writer's name, which is refused
    mailbox_services.publish_letter(
        letter, user=office, public_subject=public, public_message=public, public_answer=public
    )
    for url in (
        reverse("mailbox:letter", args=[mailbox.slug, letter.number]),
        reverse("mailbox:mailbox", args=[mailbox.slug]),
        reverse("mailbox:index"),
    ):
        page = Client().get(url)
        assert page.status_code == 200 and "<script>alert" not in page.content.decode()


@pytest.mark.parametrize("field", ["subject", "message", "name"])
def test_xss_in_a_complaint_is_shown_escaped(client, office, field):
    value = f"{XSS} 举报内容足够长" if field == "message" else XSS[:50]
    response = client.post(reverse("complaints:submit"), complaint_data(**{field: value}))
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    code = client.get(reverse("complaints:receipt")).context["receipt"]["code"]
    tracked = client.post(reverse("complaints:track"), {"number": complaint.number, "code": code})
    assert "<script>alert" not in tracked.content.decode()
    staff = Client()
    staff.force_login(office)
    for url in (
        reverse("complaints_admin:list"),
        reverse("complaints_admin:detail", args=[complaint.pk]),
    ):
        assert "<script>alert" not in staff.get(url).content.decode()


def test_a_javascript_url_is_not_accepted_as_the_page_address(client):
    before = counts()
    response = client.post(
        reverse("complaints:submit"), complaint_data(page_url="javascript:alert(1)")
    )
    assert response.status_code == 400 and counts() == before


# --- oversized and malformed bodies -----------------------------------------------------


PUBLIC_POSTS = [
    ("requests:apply", []),
    ("mailbox:write", ["president"]),
    ("complaints:submit", []),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_POSTS)
def test_oversized_bodies_are_refused_with_a_chinese_400(client, mailbox, settings, name, args):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    before = counts()
    response = client.post(
        reverse(name, args=args), {**apply_data(), **solved_challenge(), "message": "长" * 5000}
    )
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize(("name", "args"), PUBLIC_POSTS)
def test_too_many_fields_are_refused(client, mailbox, settings, name, args):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    before = counts()
    data = {**apply_data(), **{f"f{i}": "x" for i in range(100)}}
    assert client.post(reverse(name, args=args), data).status_code == 400
    assert counts() == before


MALFORMED = [
    b'--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nzhang\r\n--xy',
    b"--xyz\r\nContent-Disposition: form-data\r\n\r\n\r\n--xyz--",
    b"\x00\xff\xfe garbage without any boundary",
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_POSTS)
@pytest.mark.parametrize("body", MALFORMED)
def test_malformed_multipart_is_a_400_and_stores_nothing(client, mailbox, name, args, body):
    before = counts()
    response = client.post(
        reverse(name, args=args), data=body, content_type="multipart/form-data; boundary=xyz"
    )
    assert response.status_code == 400
    assert counts() == before


# --- path traversal in file names --------------------------------------------------------

TRAVERSALS = ["../../../etc/cron.d/x.pdf", "..\\..\\windows\\system32\\x.pdf", "/etc/x.pdf"]


@pytest.mark.parametrize("filename", TRAVERSALS)
def test_uploaded_file_names_cannot_escape_the_upload_directory(
    client, mailbox, letter_data, filename
):
    upload = SimpleUploadedFile(filename, PDF, content_type="application/pdf")
    assert (
        client.post(
            reverse("requests:apply"), {**apply_data(), "attachments": [upload]}
        ).status_code
        == 302
    )
    stored = Attachment.objects.get()
    upload = SimpleUploadedFile(filename, PDF, content_type="application/pdf")
    cache.clear()
    response = client.post(
        reverse("mailbox:write", args=[mailbox.slug]),
        {**letter_data, **solved_challenge(), "attachments": [upload]},
    )
    assert response.status_code == 302
    for item in (stored, LetterAttachment.objects.get()):
        assert item.original_name == "x.pdf"
        assert ".." not in item.file.name and "\\" not in item.file.name
        assert item.file.name.startswith(("requests/", "mailbox/"))
        assert item.file.path.startswith(str(item.file.storage.location))


# --- CSRF ---------------------------------------------------------------------------------


def test_posts_without_a_csrf_token_are_refused(mailbox, letter_data, office):
    strict = Client(enforce_csrf_checks=True)
    application, code = make_application()
    before = counts()
    posts = [
        (reverse("requests:apply"), apply_data()),
        (reverse("requests:track"), {"number": application.number, "code": code}),
        (reverse("mailbox:write", args=[mailbox.slug]), {**letter_data, **solved_challenge()}),
        (reverse("mailbox:track"), {"number": "XZ-2026-000001", "code": "A" * 10}),
        (reverse("complaints:submit"), complaint_data()),
        (reverse("complaints:track"), {"number": "JB-2026-000001", "code": "A" * 10}),
    ]
    for url, data in posts:
        assert strict.post(url, data).status_code == 403, url
    strict.force_login(office)
    action = reverse("requests_admin:action", args=[application.pk, "accept"])
    assert strict.post(action, {"note": ""}).status_code == 403
    assert counts() == before
    assert Application.objects.get().status == "received"


# --- other people's cases -----------------------------------------------------------------


def test_an_applicant_cannot_reach_another_applicants_case(client, office):
    mine, my_code = make_application()
    theirs, their_code = make_application(name="王五", description="他人的申请内容，不应泄露。")
    theirs = request_services.answer(
        theirs,
        actor=office,
        outcome="1",
        reply_text="他人的答复。",
        released=[SimpleUploadedFile("他人.pdf", PDF)],
    )
    letter = theirs.letters.get(kind="reply")
    released = theirs.attachments.get(kind="released")
    before = counts()
    # Another's number with my code, and my number with a made-up code: the same refusal.
    for number, code in ((theirs.number, my_code), (mine.number, "ABCDEFGHJK")):
        page = client.post(reverse("requests:track"), {"number": number, "code": code})
        html = page.content.decode()
        assert "申请编号或查询码不正确" in html
        assert "他人的答复" not in html and "他人的申请内容" not in html
    # Tracking my own case does not open theirs, whichever number is put in the URL.
    client.post(reverse("requests:track"), {"number": mine.number, "code": my_code})
    for url in (
        reverse("requests:tracked_letter", args=[theirs.number, letter.pk, "pdf"]),
        reverse("requests:tracked_letter", args=[mine.number, letter.pk, "pdf"]),
        reverse("requests:tracked_file", args=[theirs.number, released.pk]),
        reverse("requests:tracked_file", args=[mine.number, released.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert counts() == before


def test_letter_and_complaint_trackers_refuse_forged_numbers(client, mailbox, letter_data):
    letter, letter_code = mailbox_services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None}
    )
    other, _ = mailbox_services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "message": "另一封来信的私密内容。"}
    )
    complaint, complaint_code = complaint_services.submit_complaint(
        data={"kind": "late", "subject": "甲", "message": "举报内容" * 5}
    )
    other_complaint, _ = complaint_services.submit_complaint(
        data={"kind": "late", "subject": "乙", "message": "另一件举报的私密内容。"}
    )
    before = counts()
    forged = client.post(reverse("mailbox:track"), {"number": other.number, "code": letter_code})
    assert forged.status_code == 404 and "另一封来信的私密内容" not in forged.content.decode()
    forged = client.post(
        reverse("complaints:track"), {"number": other_complaint.number, "code": complaint_code}
    )
    assert forged.status_code == 404 and "另一件举报的私密内容" not in forged.content.decode()
    # A letter that is not published is not on the public site under any address.
    url = reverse("mailbox:letter", args=[mailbox.slug, other.number])
    assert client.get(url).status_code == 404
    assert counts() == before


def test_staff_cannot_open_cases_outside_their_own(
    client, office, editor_a, editor_b, mailbox, letter_data, dept_a
):
    mine, _ = make_application()
    theirs, _ = make_application(name="王五")
    request_services.assign(mine, actor=office, handler=editor_a)
    Attachment.objects.create(
        application=theirs,
        kind="applicant",
        file=SimpleUploadedFile("id.pdf", PDF),
        original_name="id.pdf",
        size=len(PDF),
    )
    file = theirs.attachments.get()
    letter, _ = mailbox_services.submit_letter(
        mailbox=mailbox,
        data={**letter_data, "category": None},
        files=[SimpleUploadedFile("材料.pdf", PDF)],
    )
    mailbox_services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    before = counts()
    client.force_login(editor_a)
    assert client.get(reverse("requests_admin:detail", args=[theirs.pk])).status_code == 403
    # The other case's file through my case's address.
    assert (
        client.get(reverse("requests_admin:attachment", args=[mine.pk, file.pk])).status_code == 404
    )
    action = reverse("requests_admin:action", args=[theirs.pk, "accept"])
    assert client.post(action, {"note": "forged"}).status_code == 403
    client.force_login(editor_b)
    assert client.get(reverse("mailbox_admin:letter", args=[letter.pk])).status_code == 404
    attachment = letter.attachments.get()
    assert client.get(reverse("mailbox_admin:attachment", args=[attachment.pk])).status_code == 404
    draft = reverse("mailbox_admin:action", args=[letter.pk, "draft"])
    assert client.post(draft, {"draft-answer": "越权答复"}).status_code == 404
    assert counts() == before
    assert Application.objects.get(pk=theirs.pk).status == "received"
    assert Letter.objects.get(pk=letter.pk).answer == ""
