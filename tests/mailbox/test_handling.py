"""Handling letters: triage, forwarding, merging, spam, answers, approval, publication."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from xxgk.mailbox import services
from xxgk.mailbox.models import Letter, LetterAction, LetterStatus
from xxgk.mailbox.selectors import published_letters
from xxgk.workdays.calendar import add_working_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(mailbox, letter_data, category):
    data = {**letter_data, "category": category, "consent_to_publish": True}
    return services.submit_letter(mailbox=mailbox, data=data)[0]


def answered(letter, office, dept, editor, text="已延长开放时间至23:00。"):
    services.assign_letter(letter, user=office, department=dept, working_days=10)
    services.draft_answer(letter, user=editor, answer=text)
    return services.approve_answer(letter, user=office)


def test_assign_sets_working_day_due_date_and_records_who(letter, office, dept_a):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10, note="请办理")
    letter.refresh_from_db()
    today = timezone.localdate()
    assert letter.status == LetterStatus.ASSIGNED
    assert letter.department == dept_a
    assert letter.due_date == add_working_days(today, 10).date
    event = letter.events.get(action=LetterAction.ASSIGNED)
    assert event.actor == office and event.department == dept_a and "请办理" in event.note


def test_only_the_office_triages(letter, editor_a, dept_a):
    with pytest.raises(PermissionDenied):
        services.assign_letter(letter, user=editor_a, department=dept_a, working_days=10)
    with pytest.raises(PermissionDenied):
        services.close_as_spam(letter, user=editor_a, reason="广告")
    assert Letter.objects.get().status == LetterStatus.RECEIVED


def test_forward_moves_the_letter_to_another_department(letter, office, dept_a, dept_b):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    services.assign_letter(letter, user=office, department=dept_b, working_days=5)
    letter.refresh_from_db()
    assert letter.department == dept_b
    assert letter.events.filter(action=LetterAction.FORWARDED).count() == 1
    with pytest.raises(ValidationError, match="无需转办"):
        services.assign_letter(letter, user=office, department=dept_b, working_days=5)


def test_merge_duplicates_and_tracker_of_duplicate_shows_the_answer(
    client, mailbox, letter_data, letter, office, dept_a, editor_a
):
    duplicate, code = services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None}
    )
    services.merge_letter(duplicate, user=office, target=letter)
    duplicate.refresh_from_db()
    assert duplicate.status == LetterStatus.CLOSED and duplicate.merged_into == letter
    with pytest.raises(ValidationError):
        services.merge_letter(letter, user=office, target=duplicate)
    answered(letter, office, dept_a, editor_a, "合并办理的答复。")
    page = client.post(reverse("mailbox:track"), {"number": duplicate.number, "code": code})
    assert "已合并办理" in page.content.decode()
    assert "合并办理的答复" in page.content.decode()


def test_close_as_spam_needs_a_reason(letter, office):
    with pytest.raises(ValidationError, match="请填写关闭原因"):
        services.close_as_spam(letter, user=office, reason="  ")
    services.close_as_spam(letter, user=office, reason="广告信息")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CLOSED and letter.close_reason == "广告信息"
    with pytest.raises(ValidationError):
        services.close_as_spam(letter, user=office, reason="again")


def test_only_the_assigned_department_drafts(letter, office, dept_a, editor_a, editor_b):
    with pytest.raises(ValidationError, match="不能提交答复稿"):
        services.draft_answer(letter, user=editor_a, answer="太早")
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    with pytest.raises(PermissionDenied):
        services.draft_answer(letter, user=editor_b, answer="别的部门")
    services.draft_answer(letter, user=editor_a, answer="部门答复稿")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFTED and letter.drafted_by == editor_a


def test_office_returns_or_approves_and_writer_is_emailed(
    letter, office, dept_a, editor_a, django_capture_on_commit_callbacks
):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    services.draft_answer(letter, user=editor_a, answer="初稿")
    with pytest.raises(PermissionDenied):
        services.approve_answer(letter, user=editor_a)
    with pytest.raises(ValidationError, match="请填写退回意见"):
        services.return_draft(letter, user=office, note="")
    services.return_draft(letter, user=office, note="请补充具体时间")
    assert Letter.objects.get().status == LetterStatus.ASSIGNED
    services.draft_answer(letter, user=editor_a, answer="修改稿：开放至23:00")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_answer(letter, user=office, answer="审定稿：开放至23:00")
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED and letter.answered_at is not None
    assert letter.answer == "审定稿：开放至23:00"
    assert mail.outbox[-1].to == [letter.email]
    assert "审定稿" in mail.outbox[-1].body
    actions = list(letter.events.values_list("action", flat=True))
    assert actions == [
        "received",
        "assigned",
        "drafted",
        "returned",
        "drafted",
        "approved",
        "notified",
    ]


def test_a_mail_failure_never_undoes_the_approval(
    letter, office, dept_a, editor_a, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.mailbox.broken_mail.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        answered(letter, office, dept_a, editor_a)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED
    assert not letter.events.filter(action=LetterAction.NOTIFIED).exists()


def publish(letter, office, **overrides):
    fields = {
        "public_subject": "关于图书馆开放时间的建议",
        "public_message": "考试周图书馆座位紧张，建议延长开放时间。",
        "public_answer": "已延长开放时间至23:00。",
        **overrides,
    }
    return services.publish_letter(letter, user=office, **fields)


def test_publication_needs_consent_answer_and_no_personal_details(
    client, letter, office, dept_a, editor_a, mailbox
):
    with pytest.raises(ValidationError, match="已答复且来信人同意"):
        publish(letter, office)
    answered(letter, office, dept_a, editor_a)
    with pytest.raises(ValidationError, match="仍含有来信人的姓名"):
        publish(letter, office, public_message="张三同学反映考试周座位紧张。")
    with pytest.raises(ValidationError, match="仍含有来信人的姓名"):
        publish(letter, office, public_answer="请致电13900001111。")
    assert not published_letters().exists()
    publish(letter, office)
    letter.refresh_from_db()
    assert letter.is_published and letter.published_at
    url = reverse("mailbox:letter", args=[mailbox.slug, letter.number])
    page = client.get(url).content.decode()
    assert "已延长开放时间至23:00" in page
    assert "张三" not in page and "13900001111" not in page
    assert (
        letter.number
        in client.get(reverse("mailbox:mailbox", args=[mailbox.slug])).content.decode()
    )
    services.unpublish_letter(letter, user=office, reason="来信人撤回同意")
    assert client.get(url).status_code == 404


def test_without_consent_a_letter_is_never_published(
    client, mailbox, letter_data, office, dept_a, editor_a
):
    letter, _ = services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "consent_to_publish": False}
    )
    answered(letter, office, dept_a, editor_a)
    with pytest.raises(ValidationError):
        publish(letter, office)
    url = reverse("mailbox:letter", args=[mailbox.slug, letter.number])
    assert client.get(url).status_code == 404
    # The database refuses it too, whatever path tries.
    with pytest.raises(IntegrityError):
        Letter.objects.filter(pk=letter.pk).update(is_published=True)


def test_mailbox_that_forbids_publication_ignores_consent(mailbox, letter_data):
    mailbox.allow_publication = False
    mailbox.save()
    letter, _ = services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "consent_to_publish": True}
    )
    assert letter.consent_to_publish is False


def test_overdue_letters_remind_once_then_escalate_once(
    letter, office, dept_a, editor_a, mailbox, django_capture_on_commit_callbacks
):
    services.assign_letter(letter, user=office, department=dept_a, working_days=10)
    letter.refresh_from_db()
    due = letter.due_date
    assert services.remind_overdue_letters(today=due) == {"reminded": 0, "escalated": 0}
    after = due + datetime.timedelta(days=1)
    mail.outbox.clear()
    first = services.remind_overdue_letters(today=after)
    assert first["reminded"] == 1
    assert any("逾期提醒" in m.subject for m in mail.outbox)
    assert services.remind_overdue_letters(today=after)["reminded"] == 0
    late = add_working_days(due, mailbox.escalate_after_working_days).date
    escalated = services.remind_overdue_letters(today=late)
    assert escalated == {"reminded": 0, "escalated": 1}
    assert any("逾期上报" in m.subject and office.email in m.to for m in mail.outbox)
    assert services.remind_overdue_letters(today=late)["escalated"] == 0
    event = letter.events.get(action=LetterAction.ESCALATED)
    assert event.department == dept_a and "个工作日" in event.note
    # Once the department has drafted, it is not reminded again; the office already knows.
    drafted = services.draft_answer(letter, user=editor_a, answer="答复")
    assert drafted.status == LetterStatus.DRAFTED
    assert services.remind_overdue_letters(today=late) == {"reminded": 0, "escalated": 0}


def test_unassigned_letters_escalate_to_the_office(letter, mailbox):
    received = timezone.localtime(letter.received_at).date()
    late = add_working_days(received, mailbox.escalate_after_working_days).date
    assert services.remind_overdue_letters(today=late)["escalated"] == 1


def test_remind_command_runs_and_rejects_bad_dates(letter, capsys):
    from django.core.management import CommandError, call_command

    call_command("remind_overdue_letters", "--date", "2099-01-05")
    assert "上报办公室 1 件" in capsys.readouterr().out
    with pytest.raises(CommandError, match="日期格式"):
        call_command("remind_overdue_letters", "--date", "05/01/2099")
