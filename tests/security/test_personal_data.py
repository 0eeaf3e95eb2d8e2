"""Personal data: encrypted at rest, masked, revealed and exported only with a record, erased
after the retention period without changing a single reported figure."""

import datetime
import io
import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.requests.conftest import make_application, resident_id
from xxgk.audit.models import AuditEvent
from xxgk.complaints import services as complaint_services
from xxgk.complaints.models import Complaint, ComplaintResult
from xxgk.complaints.selectors import complaint_figures
from xxgk.mailbox import services as mailbox_services
from xxgk.mailbox.models import Letter, LetterAttachment
from xxgk.mailbox.selectors import letter_statistics
from xxgk.requests import services as request_services
from xxgk.requests import stats
from xxgk.requests.models import Application, Attachment
from xxgk.security.fields import DecryptionError
from xxgk.security.personal_data import mask_email, mask_id, mask_name, mask_phone

pytestmark = pytest.mark.django_db
PHONE = "13800138000"


def raw(model, pk, *columns):
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()


def test_id_and_phone_numbers_are_encrypted_at_rest(mailbox, letter_data):
    application, _ = make_application()
    stored_id, stored_phone, index = raw(
        Application, application.pk, "id_number", "phone", "id_number_index"
    )
    assert resident_id() not in stored_id and PHONE not in stored_phone
    assert stored_id.startswith("gAAAAA")  # a Fernet token
    assert len(index) == 64 and resident_id() not in index
    fresh = Application.objects.get(pk=application.pk)
    assert (fresh.id_number, fresh.phone) == (resident_id(), PHONE)
    # The same value encrypts differently each time: ciphertexts reveal nothing by equality.
    second, _ = make_application()
    assert raw(Application, second.pk, "id_number")[0] != stored_id
    letter, _ = mailbox_services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None}
    )
    assert "13900001111" not in raw(Letter, letter.pk, "phone")[0]
    complaint, _ = complaint_services.submit_complaint(
        data={"kind": "other", "subject": "题", "message": "内容" * 10, "phone": "13700001111"}
    )
    assert "13700001111" not in raw(Complaint, complaint.pk, "phone")[0]


def test_key_rotation_keeps_old_rows_readable_and_reencrypts(settings):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    application, _ = make_application()
    before = raw(Application, application.pk, "id_number")[0]
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    assert Application.objects.get(pk=application.pk).id_number == resident_id()
    # Lookups by blind index still find rows indexed under the old key.
    assert request_services.applications_in_month(application) == 1
    call_command("reencrypt_personal_data", stdout=io.StringIO())
    after = raw(Application, application.pk, "id_number")[0]
    assert after != before
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert Application.objects.get(pk=application.pk).id_number == resident_id()
    assert request_services.applications_in_month(application) == 1
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError):
        Application.objects.get(pk=application.pk)


def test_fees_count_the_same_applicant_through_the_blind_index():
    first, _ = make_application()
    second, _ = make_application(id_number=resident_id().lower())
    other, _ = make_application(id_number=resident_id("11010119800101002"))
    assert request_services.applications_in_month(second) == 2
    assert request_services.applications_in_month(other) == 1
    assert request_services.applications_in_month(first) == 1


def test_masks():
    assert mask_id("110101199003071234") == "110101********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0570-8026123") == "057*****6123"
    assert mask_name("欧阳娜娜") == "欧***" and mask_name("") == ""
    assert mask_email("zhangsan@example.com") == "z***@example.com"
    assert mask_id("E1234567") == "E******7" and mask_phone("12") == "**"


def test_list_is_masked_and_detail_reveal_is_audited(client, office, editor_a):
    application, _ = make_application()
    client.force_login(office)
    listing = client.get(reverse("requests_admin:index")).content.decode()
    assert "330802********" in listing and resident_id() not in listing
    assert not AuditEvent.objects.filter(action="personal_data.viewed").exists()
    detail = client.get(reverse("requests_admin:detail", args=[application.pk])).content.decode()
    assert resident_id() in detail and PHONE in detail
    event = AuditEvent.objects.get(action="personal_data.viewed")
    assert event.actor == office and event.target_pk == str(application.pk)
    assert event.detail == {"purpose": "查看申请详情"} and event.ip_address == "127.0.0.1"


def test_letter_and_complaint_reveals_are_audited(client, office, mailbox, letter_data):
    letter, _ = mailbox_services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None}
    )
    complaint, _ = complaint_services.submit_complaint(
        data={"kind": "other", "subject": "题", "message": "内容" * 10, "name": "李四"}
    )
    client.force_login(office)
    client.get(reverse("mailbox_admin:letter", args=[letter.pk]))
    client.get(reverse("complaints_admin:detail", args=[complaint.pk]))
    targets = AuditEvent.objects.filter(action="personal_data.viewed").values_list(
        "target_repr", flat=True
    )
    assert sorted(targets) == sorted([str(letter), str(complaint)])


def test_exports_are_for_the_office_only_and_logged(
    client, office, editor_a, supervisor, mailbox, letter_data
):
    make_application()
    mailbox_services.submit_letter(mailbox=mailbox, data={**letter_data, "category": None})
    for url in (reverse("requests_admin:export"), reverse("mailbox_admin:export")):
        for user in (editor_a, supervisor):
            client.force_login(user)
            assert client.get(url).status_code == 403
    assert not AuditEvent.objects.filter(action="personal_data.exported").exists()
    client.force_login(office)
    response = client.get(reverse("requests_admin:export"), {"status": "received"})
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][7] == "证件号码" and rows[1][7] == resident_id() and rows[1][8] == PHONE
    letters = client.get(reverse("mailbox_admin:export"))
    assert list(load_workbook(io.BytesIO(letters.content)).active.values)[1][5] == "13900001111"
    exported = AuditEvent.objects.filter(action="personal_data.exported").order_by("pk")
    assert [e.detail["rows"] for e in exported] == [1, 1]
    assert exported[0].detail["query"] == "status=received" and exported[0].actor == office


def _closed_cases(office, dept_a, mailbox, letter_data, *, closed_at):
    """An answered application with an upload, an answered letter with an attachment and a
    concluded complaint, all finished at `closed_at`."""
    day = closed_at.date()
    application, _ = make_application(received_on=day - datetime.timedelta(days=3))
    Attachment.objects.create(
        application=application,
        kind="applicant",
        file=SimpleUploadedFile("身份证.pdf", b"%PDF-1.4 id"),
        original_name="身份证.pdf",
        size=11,
    )
    application = request_services.answer(
        application, actor=office, outcome="1", reply_text="现予公开。", on=day
    )
    upload = SimpleUploadedFile("材料.pdf", b"%PDF-1.4 letter")
    letter, _ = mailbox_services.submit_letter(
        mailbox=mailbox,
        data={**letter_data, "category": None},
        files=[upload],
        received_at=closed_at - datetime.timedelta(days=2),
    )
    mailbox_services.assign_letter(
        letter, user=office, department=dept_a, working_days=10, at=closed_at
    )
    mailbox_services.draft_answer(letter, user=office, answer="已延长开放时间。", at=closed_at)
    mailbox_services.approve_answer(letter, user=office, at=closed_at)
    complaint, _ = complaint_services.submit_complaint(
        data={
            "kind": "late",
            "subject": "题",
            "message": "内容" * 10,
            "name": "李四",
            "phone": "13700001111",
            "email": "lisi@example.com",
        },
        received_at=closed_at - datetime.timedelta(days=2),
    )
    complaint_services.accept_complaint(complaint, user=office)
    complaint_services.conclude_complaint(
        complaint,
        user=office,
        investigation="核实",
        result=ComplaintResult.UNFOUNDED,
        reply="不属实",
    )
    Complaint.objects.filter(pk=complaint.pk).update(concluded_at=closed_at)
    return application, letter, complaint


def _figures(day):
    period = stats.Period(day - datetime.timedelta(days=30), day + datetime.timedelta(days=30))
    start, end = period.start, period.end
    letters = letter_statistics(start, end, today=end)
    return (
        stats.request_table(period),
        stats.fee_summary(period),
        letters["total"],
        letters["mailbox"],
        letters["department"],
        complaint_figures(start, end),
    )


def test_purge_erases_old_personal_data_and_keeps_every_figure(
    office, dept_a, mailbox, letter_data, django_capture_on_commit_callbacks
):
    old = timezone.now() - datetime.timedelta(days=settings.XXGK_PERSONAL_DATA_RETENTION_DAYS + 5)
    application, letter, complaint = _closed_cases(
        office, dept_a, mailbox, letter_data, closed_at=old
    )
    recent, _ = make_application()
    request_services.answer(recent, actor=office, outcome="1", reply_text="现予公开。")
    before = _figures(old.date())
    upload_path = Attachment.objects.get(application=application).file.path
    letter_pdf = application.letters.get(kind="reply").pdf.path

    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert application.number in out.getvalue() and recent.number not in out.getvalue()
    assert Application.objects.get(pk=application.pk).id_number == resident_id()
    assert not AuditEvent.objects.filter(action="personal_data.erased").exists()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_personal_data", stdout=io.StringIO())
    application.refresh_from_db()
    assert (application.name, application.id_number, application.phone) == ("", "", "")
    assert (application.email, application.address, application.id_number_index) == ("", "", "")
    assert application.personal_data_erased_on == timezone.localdate()
    assert not Attachment.objects.filter(application=application, kind="applicant").exists()
    reply = application.letters.get(kind="reply")
    assert "张三" not in reply.text and not reply.pdf and not reply.docx
    assert not os.path.exists(upload_path) and not os.path.exists(letter_pdf)
    letter.refresh_from_db()
    assert (letter.writer_name, letter.phone, letter.email) == ("", "", "")
    assert not LetterAttachment.objects.filter(letter=letter).exists()
    assert letter.answer == "已延长开放时间。"  # the substance stays
    complaint.refresh_from_db()
    assert (complaint.name, complaint.phone, complaint.email) == ("", "", "")
    assert "lisi@" not in " ".join(complaint.events.values_list("note", flat=True))
    assert Application.objects.get(pk=recent.pk).id_number == resident_id()

    assert _figures(old.date()) == before
    event = AuditEvent.objects.get(action="personal_data.erased")
    assert event.detail["applications"] == [application.number]
    assert event.detail["letters"] == [letter.number]
    assert event.detail["complaints"] == [complaint.number]
    # Idempotent: nothing is left to erase.
    call_command("purge_personal_data", stdout=io.StringIO())
    assert AuditEvent.objects.filter(action="personal_data.erased").count() == 1


def test_a_pending_appeal_keeps_the_personal_data(office, dept_a, mailbox, letter_data):
    old = timezone.now() - datetime.timedelta(days=settings.XXGK_PERSONAL_DATA_RETENTION_DAYS + 5)
    application, _, _ = _closed_cases(office, dept_a, mailbox, letter_data, closed_at=old)
    request_services.record_appeal(
        application, actor=office, kind="reconsideration", filed_on=old.date()
    )
    call_command("purge_personal_data", stdout=io.StringIO())
    assert Application.objects.get(pk=application.pk).id_number == resident_id()


def test_production_requires_an_encryption_key(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.edu.cn",
        "XXGK_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import xxgk.settings"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=60,
    )
    assert result.returncode != 0 and "FIELD_ENCRYPTION_KEY must be set" in result.stderr


def test_a_malformed_key_is_a_system_check_error(settings):
    from xxgk.security.checks import field_encryption_keys

    assert field_encryption_keys(None) == []
    settings.FIELD_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    assert [error.id for error in field_encryption_keys(None)] == ["xxgk.security.E001"]
