"""Attachments are scanned by the task worker, each with its own state: 待扫描, 已扫描, or
未能扫描 with a reason. A scan or photo without a text layer is never clean: editor and
reviewer are told, and approval needs the reviewer's recorded acknowledgement."""

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from bench.bombs import docx_bomb
from tests.core.test_textextract import scanned_pdf
from tests.factories import TEST_PASSWORD
from tests.review.conftest import VALID_ID, _document, approve_kwargs, xlsx_with
from xxgk.core import textextract
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure
from xxgk.review.documents import record_rows
from xxgk.review.models import AttachmentScan, Notice, ScanReport, ScanState
from xxgk.review.scan import scan_attachment
from xxgk.review.services import decide_review, submit_for_review

pytestmark = pytest.mark.django_db
NO_TEXT_LAYER = "未能扫描（无文字层）"


def blank_png(size=(400, 300)) -> bytes:
    """A photo with nothing written on it: OCR reads no text there either."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, format="PNG")
    return buffer.getvalue()


def draft_with(editor, department, item, *documents):
    return create_disclosure(
        user=editor,
        item=item,
        title="2022年奖学金公示",
        publishing_department=department,
        body="<p>公示如下。</p>",
        documents=list(documents),
    )


def submitted(page, editor):
    state = submit_for_review(page, user=editor)
    state.refresh_from_db()
    return state.current_task_state


def login(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def test_scans_and_photos_are_not_scannable_and_need_an_acknowledgement(
    client, editor_a, dept_a, item_a, reviewer
):
    scan = _document("扫描件.pdf", scanned_pdf())
    photo = _document("名单照片.png", blank_png())
    mixed = _document("部分扫描.pdf", scanned_pdf(pages_with_text=(1,)))
    listing = _document("名单.xlsx", xlsx_with(VALID_ID))
    page = draft_with(editor_a, dept_a, item_a, scan, photo, mixed, listing)
    task_state = submitted(page, editor_a)
    report = ScanReport.objects.get(revision=task_state.revision)
    labels = {item.name: item.label for item in report.attachments.all()}
    assert labels == {
        "扫描件.pdf": NO_TEXT_LAYER,
        "名单照片.png": NO_TEXT_LAYER,
        "部分扫描.pdf": "未能扫描（无文字层：第2、3页）",
        "名单.xlsx": "已扫描（文字层）",
    }
    assert report.is_complete and report.needs_acknowledgement
    assert {hit["location"] for hit in report.hits} >= {"附件“部分扫描.pdf”第1页"}

    # The reviewer sees it on the review page and cannot approve without acknowledging.
    decide_page = login(client, reviewer).get(reverse("review:decide", args=[task_state.pk]))
    assert NO_TEXT_LAYER in decide_page.text and "人工查看未能扫描" in decide_page.text
    with pytest.raises(ValidationError, match="人工查看未能扫描"):
        decide_review(task_state, user=reviewer, **approve_kwargs(scan_acknowledged=False))
    assert not DisclosurePage.objects.get(pk=page.pk).live

    # The editor was told in a notice, and sees it on the review history page.
    notice = Notice.objects.get(recipient=editor_a, message__contains="扫描已完成")
    assert f"附件“扫描件.pdf”{NO_TEXT_LAYER}" in notice.message
    assert Notice.objects.filter(recipient=reviewer, message__contains=NO_TEXT_LAYER).exists()
    client.logout()
    history = login(client, editor_a).get(reverse("review:page", args=[page.pk]))
    assert NO_TEXT_LAYER in history.text

    record = decide_review(task_state, user=reviewer, **approve_kwargs())
    assert record.scan_acknowledged and record.scan_acknowledged_by == reviewer
    assert record.scan_acknowledged_at == record.decided_at
    assert record.unscannable_count == 3
    assert f"扫描件.pdf：{NO_TEXT_LAYER}" in record.unscannable_summary
    sheet = dict(record_rows(record))["个人信息扫描"]
    assert NO_TEXT_LAYER in sheet and "确认已人工核对" in sheet
    assert DisclosurePage.objects.get(pk=page.pk).live


def test_a_clean_scan_needs_no_acknowledgement(editor_a, dept_a, item_a, reviewer):
    page = draft_with(editor_a, dept_a, item_a, _document("说明.xlsx", xlsx_with("无个人信息")))
    task_state = submitted(page, editor_a)
    report = ScanReport.objects.get(revision=task_state.revision)
    assert [a.label for a in report.attachments.all()] == ["已扫描（文字层）"]
    assert not report.needs_acknowledgement
    record = decide_review(task_state, user=reviewer, **approve_kwargs(scan_acknowledged=False))
    assert record.scan_acknowledged_by is None and record.unscannable_summary == ""


def run_worker():
    """What `manage.py db_worker --backend database` does with each queued task (its loop
    would also close the test's connection, which PostgreSQL's test transaction needs)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="database",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for queued in DBTaskResult.objects.ready().filter(backend_name="database"):
        queued.claim(worker.worker_id)
        worker.run_task(queued)


def test_the_submit_request_does_not_parse_attachments(
    client, settings, editor_a, dept_a, item_a, reviewer, monkeypatch
):
    """With the real backend, the submission only queues the scan; the worker reads the
    files; the reviewer cannot approve before that."""
    settings.XXGK_SCAN_TASK_BACKEND = "database"
    page = draft_with(editor_a, dept_a, item_a, _document("名单.xlsx", xlsx_with(VALID_ID)))
    parsed = []
    real = textextract.extract_limited
    monkeypatch.setattr(
        textextract, "extract_limited", lambda *a, **k: parsed.append(a[1]) or real(*a, **k)
    )
    task_state = submitted(page, editor_a)
    assert parsed == []
    report = ScanReport.objects.get(revision=task_state.revision)
    assert not report.is_complete and [a.state for a in report.attachments.all()] == ["pending"]
    queued = DBTaskResult.objects.get(task_path="xxgk.review.tasks.scan_attachments")
    assert queued.status == TaskResultStatus.READY and queued.args_kwargs["args"] == [report.pk]
    page_view = login(client, reviewer).get(reverse("review:decide", args=[task_state.pk]))
    assert "个附件正在扫描" in page_view.text
    with pytest.raises(ValidationError, match="附件仍在扫描"):
        decide_review(task_state, user=reviewer, **approve_kwargs())

    run_worker()
    assert parsed and parsed[0].endswith(".xlsx")
    report.refresh_from_db()
    assert report.is_complete and report.hits[0]["location"] == "附件“名单.xlsx”工作表“名单”B2"
    assert DBTaskResult.objects.get(pk=queued.pk).status == TaskResultStatus.SUCCESSFUL
    assert decide_review(task_state, user=reviewer, **approve_kwargs()).scan_hit_count == 1


def test_a_scan_left_pending_is_queued_again(client, settings, editor_a, dept_a, item_a, reviewer):
    settings.XXGK_SCAN_TASK_BACKEND = "database"
    page = draft_with(editor_a, dept_a, item_a, _document("名单.xlsx", xlsx_with(VALID_ID)))
    task_state = submitted(page, editor_a)
    DBTaskResult.objects.all().delete()  # the worker lost it
    login(client, reviewer)
    client.get(reverse("review:decide", args=[task_state.pk]))
    assert not DBTaskResult.objects.exists()  # queued a moment ago: not stale yet
    settings.XXGK_SCAN_STALE_SECONDS = 0
    client.get(reverse("review:decide", args=[task_state.pk]))
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert ScanReport.objects.get(revision=task_state.revision).is_complete


def test_a_bomb_is_refused_at_upload_and_unscannable_if_stored_some_other_way(
    editor_a, dept_a, item_a
):
    bomb = docx_bomb()
    form = get_document_form(get_document_model())(
        data={"title": "名单"},
        files={"file": SimpleUploadedFile("名单.docx", bomb)},
        user=editor_a,
    )
    assert not form.is_valid()
    assert "解压后过大或压缩比异常" in str(form.errors["file"])
    assert not get_document_model().objects.exists()
    # A file stored before this check existed: the scan refuses to parse it, at once.
    stored = _document("名单.docx", bomb)
    page = draft_with(editor_a, dept_a, item_a, stored)
    started = time.monotonic()
    task_state = submitted(page, editor_a)
    assert time.monotonic() - started < 5
    (item,) = AttachmentScan.objects.filter(report__revision=task_state.revision)
    assert item.state == ScanState.UNSCANNABLE and item.reason == "too_large"
    assert item.label.startswith("未能扫描（解压后过大或压缩比异常")


def test_an_attachment_whose_file_is_gone_is_unscannable_because_it_is_missing():
    document = _document("名单.pdf", b"%PDF-1.4 nothing")
    document.file.storage.delete(document.file.name)
    result = scan_attachment(document, "名单.pdf")
    assert (result.state, result.reason) == (ScanState.UNSCANNABLE, textextract.Reason.MISSING)
    assert result.detail == "FileNotFoundError"
