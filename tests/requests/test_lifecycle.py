import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from xxgk.requests import services
from xxgk.requests.models import Application, Channel, LetterKind, Status
from xxgk.requests.services import TransitionError
from xxgk.workdays.calendar import add_working_days, working_days_between

from .conftest import D, make_application

pytestmark = pytest.mark.django_db


def test_new_application_has_number_code_and_statutory_due_date(today):
    application, code = make_application()
    assert application.number == f"YSQ-{today.year}-000001"
    assert len(code) == 10 and code not in application.query_code_hash
    assert application.status == Status.RECEIVED
    assert application.due_date == add_working_days(today, 15).date
    event = application.events.get()
    assert (event.kind, event.new_due) == ("submitted", application.due_date)


def test_numbers_are_sequential_per_year():
    first, _ = make_application(received_on=D(2026, 11, 2))
    second, _ = make_application(received_on=D(2026, 11, 3))
    older, _ = make_application(received_on=D(2025, 12, 30), channel=Channel.LETTER)
    assert [first.number, second.number, older.number] == [
        "YSQ-2026-000001",
        "YSQ-2026-000002",
        "YSQ-2025-000001",
    ]


def test_accept_issues_receipt_letter_and_emails_it(office, django_capture_on_commit_callbacks):
    application, _ = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        application = services.accept(application, actor=office)
    assert application.status == Status.ACCEPTED
    letter = application.letters.get()
    assert letter.kind == LetterKind.RECEIPT and letter.emailed_to == application.email
    assert letter.pdf.read().startswith(b"%PDF") and letter.docx.size > 0
    assert application.number in letter.text and "前作出答复" in letter.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.email]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    kinds = list(application.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "accept", "letter"]
    accept = application.events.get(kind="accept")
    assert (accept.actor, accept.from_status, accept.to_status) == (
        office,
        Status.RECEIVED,
        Status.ACCEPTED,
    )


def test_no_email_without_address(office, django_capture_on_commit_callbacks):
    application, _ = make_application(email="", medium="paper", delivery="post")
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(application, actor=office)
    assert mail.outbox == []
    assert application.letters.get().emailed_to == ""


def test_correction_stops_clock_and_restarts_on_receipt(office, today):
    application, _ = make_application(received_on=today - datetime.timedelta(days=5))
    application = services.request_correction(
        application, actor=office, items="请写明所需信息的年份和文件名称。"
    )
    assert application.status == Status.CORRECTION and application.due_date is None
    assert application.correction_due == add_working_days(today, 15).date
    assert application.letters.get().kind == LetterKind.CORRECTION
    application = services.receive_correction(application, actor=office, received_on=today)
    assert application.status == Status.ACCEPTED
    assert application.clock_start == today
    assert application.due_date == add_working_days(today, 15).date
    event = application.events.get(kind="receive_correction")
    assert event.old_due is None and event.new_due == application.due_date


def test_correction_requires_items(office):
    application, _ = make_application()
    with pytest.raises(ValidationError):
        services.request_correction(application, actor=office, items="  ")
    assert Application.objects.get().status == Status.RECEIVED


def test_lapsed_correction_closes_as_withdrawn_by_daily_command(office, today):
    application, _ = make_application()
    services.request_correction(application, actor=office, items="缺少身份证明")
    Application.objects.filter(pk=application.pk).update(
        correction_due=today - datetime.timedelta(days=1)
    )
    call_command("requests_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert application.outcome == "6.1" and application.closed_on == today
    assert application.events.get(kind="lapse_correction").actor is None


def test_consultation_pauses_the_clock_by_its_working_days(office, today):
    start = today - datetime.timedelta(days=10)
    application, _ = make_application(received_on=start)
    application = services.accept(application, actor=office)
    before = application.due_date
    application = services.start_consultation(
        application, actor=office, third_party="某科技公司", matter="合同中的报价信息"
    )
    assert application.status == Status.CONSULTING
    assert application.letters.get(kind=LetterKind.CONSULTATION).emailed_to == ""
    pause = application.pauses.get()
    pause.started_on = start + datetime.timedelta(days=2)
    pause.save()
    application = services.end_consultation(application, actor=office, opinion="不同意公开报价")
    paused = working_days_between(pause.started_on, today)
    assert application.status == Status.IN_PROGRESS
    assert application.due_date == add_working_days(start, 15 + paused).date
    assert working_days_between(before, application.due_date) == paused


def test_extension_needs_the_heads_approval_and_is_capped(office, head):
    application, _ = make_application()
    application = services.accept(application, actor=office)
    with pytest.raises(PermissionDenied):
        services.extend(
            application, actor=office, approved_by=office, days=5, reason="需要检索档案"
        )
    with pytest.raises(ValidationError):
        services.extend(application, actor=office, approved_by=head, days=16, reason="需要检索档案")
    before = application.due_date
    application = services.extend(
        application, actor=office, approved_by=head, days=15, reason="需要检索历年档案"
    )
    assert application.extension_days == 15
    assert working_days_between(before, application.due_date) == 15
    letter = application.letters.get(kind=LetterKind.EXTENSION)
    assert "15个工作日" in letter.text and "需要检索历年档案" in letter.text
    event = application.events.get(kind="extend")
    assert (event.old_due, event.new_due) == (before, application.due_date)
    with pytest.raises(ValidationError):
        services.extend(application, actor=office, approved_by=head, days=1, reason="再延")


def test_answer_requires_reason_unless_fully_disclosed(office, today):
    application, _ = make_application()
    application = services.accept(application, actor=office)
    with pytest.raises(ValidationError):
        services.answer(application, actor=office, outcome="3.4", reply_text="不予公开。")
    assert Application.objects.get().status == Status.ACCEPTED
    application = services.answer(
        application,
        actor=office,
        outcome="3.4",
        reply_text="经审查，决定不予公开。",
        reason="涉及第三方商业秘密，第三方不同意公开。",
    )
    assert application.status == Status.ANSWERED and application.closed_on == today
    reply = application.letters.get(kind=LetterKind.REPLY)
    assert "保护第三方合法权益" in reply.text
    # Cited by verified article (条例) or by content (办法), never the 2022 draft's 第二十六条.
    assert "《中华人民共和国政府信息公开条例》第十五条、第三十二条" in reply.text
    assert "第二十六条" not in reply.text
    services.archive(application, actor=office)
    assert Application.objects.get().status == Status.ARCHIVED


def test_illegal_transitions_are_refused(office):
    application, _ = make_application()
    with pytest.raises(TransitionError, match="不能执行"):
        services.archive(application, actor=office)
    with pytest.raises(TransitionError):
        services.end_consultation(application, actor=office, opinion="x")


def test_assign_moves_accepted_case_into_progress(office, editor_a):
    application, _ = make_application()
    application = services.accept(application, actor=office)
    application = services.assign(application, actor=office, handler=editor_a)
    assert (application.status, application.handler) == (Status.IN_PROGRESS, editor_a)


def test_appeals_only_after_reply(office, today):
    application, _ = make_application()
    with pytest.raises(ValidationError):
        services.record_appeal(application, actor=office, kind="reconsideration", filed_on=today)
    application = services.answer(application, actor=office, outcome="1", reply_text="予以公开。")
    appeal = services.record_appeal(
        application, actor=office, kind="reconsideration", filed_on=today
    )
    services.decide_appeal(appeal, actor=office, result="upheld", decided_on=today)
    appeal.refresh_from_db()
    assert appeal.result == "upheld"


def test_reminders_go_once_per_stage(office, today):
    office.email = "office@example.edu.cn"
    office.save()
    application, _ = make_application(received_on=today - datetime.timedelta(days=40))
    assert application.due_date < today
    # The reply deadline, and (the case still unexamined) the correction-notice limit.
    assert services.send_reminders(today) == 2
    assert services.send_reminders(today) == 0
    assert "已超过答复期限" in mail.outbox[0].subject
    assert "已过补正告知期限" in mail.outbox[1].subject
    assert "office@example.edu.cn" in mail.outbox[0].to
