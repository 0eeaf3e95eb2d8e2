"""Every change to a letter goes through here, in one transaction, with a recorded event."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xxgk.cases.selectors import department_emails, office_emails
from xxgk.cases.services import (
    acknowledge_receipt,
    erase_contacts,
    notify,
    notify_answered,
    open_public_case,
    record_event,
)
from xxgk.orgs.policy import Action
from xxgk.orgs.selectors import handler_label
from xxgk.orgs.services import check_assignable
from xxgk.security.personal_data import delete_files_on_commit
from xxgk.workdays.calendar import add_working_days, working_days_between

from .models import (
    OPEN_STATUSES,
    Letter,
    LetterAction,
    LetterAttachment,
    LetterEvent,
    LetterStatus,
)
from .policy import letter_policy
from .selectors import receipt_due


def _record(letter, action, *, department=None, **step) -> LetterEvent:
    return record_event(LetterEvent, letter=letter, action=action, department=department, **step)


def _require_office(user):
    letter_policy.require(user, Action.HANDLE)


def _require_status(letter, *statuses, message):
    if letter.status not in statuses:
        raise ValidationError(message)


def _locked(letter) -> Letter:
    """Re-read the letter under a row lock so that two handlers never overwrite each other."""
    return Letter.objects.select_for_update().select_related("mailbox").get(pk=letter.pk)


def submit_letter(*, mailbox, data: dict, files=(), received_at=None) -> tuple[Letter, str]:
    """Store a public letter and its files; returns the letter and its one-time query code."""
    if not mailbox.is_active:
        raise ValidationError(_("该信箱暂停接收来信。"))
    received_at = received_at or timezone.now()
    with transaction.atomic():
        letter, code = open_public_case(
            Letter,
            prefix=mailbox.number_prefix,
            received_at=received_at,
            mailbox=mailbox,
            category=data.get("category"),
            writer_name=data.get("writer_name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            subject=data["subject"],
            message=data["message"],
            consent_to_publish=bool(data.get("consent_to_publish")) and mailbox.allow_publication,
        )
        for upload in files:
            LetterAttachment.objects.create(
                letter=letter, file=upload, original_name=upload.name[:200], size=upload.size
            )
        _record(letter, LetterAction.RECEIVED, at=received_at)
        acknowledge_receipt(
            letter,
            code,
            receipt_due(letter),
            gettext_lazy("【%(mailbox)s】已收到您的来信 %(number)s"),
            gettext_lazy(
                "您的来信“%(subject)s”已收到，编号 %(number)s，查询码 %(code)s。\n"
                "办理期限：%(days)s个工作日内，即%(due)s前（自来信分办之日起计算，"
                "分办后以办理进度查询结果为准）。\n"
                "请凭编号和查询码在 %(url)s 查询办理进度。"
            ),
            "mailbox:track",
            mailbox=mailbox.name,
            subject=letter.subject,
        )
    return letter, code


@transaction.atomic
def assign_letter(
    letter, *, user, department, working_days: int, note: str = "", at=None, handler=None
) -> Letter:
    """Triage (or forward) a letter to a department with a due date in working days, and
    optionally to one of the department's handlers (never a leader, reviewer or supervisor).

    `at` (here and below) records a historical step, e.g. when importing past letters.
    """
    _require_office(user)
    if handler is not None:
        check_assignable(handler, department)
    letter = _locked(letter)
    _require_status(
        letter,
        LetterStatus.RECEIVED,
        LetterStatus.ASSIGNED,
        message=_("只有待分办或办理中的来信可以分办、转办。"),
    )
    forwarded = letter.status == LetterStatus.ASSIGNED
    if forwarded and department.pk == letter.department_id:
        raise ValidationError(_("该来信已由此部门办理，无需转办。"))
    now = at or timezone.now()
    deadline = add_working_days(timezone.localtime(now).date(), working_days)
    letter.department = department
    letter.assigned_at = now
    letter.due_date = deadline.date
    letter.status = LetterStatus.ASSIGNED
    letter.save(update_fields=["department", "assigned_at", "due_date", "status"])
    action = LetterAction.FORWARDED if forwarded else LetterAction.ASSIGNED
    detail = f"办理期限 {deadline.date:%Y-%m-%d}。{deadline.explain()}"
    if handler is not None:
        detail = f"承办人：{handler_label(handler)}。{detail}"
    _record(
        letter, action, user=user, department=department, note=f"{note}\n{detail}".strip(), at=now
    )
    recipients = department_emails(department)
    if handler is not None and handler.email and handler.email not in recipients:
        recipients.append(handler.email)
    transaction.on_commit(
        lambda: notify(
            recipients,
            _("【%(mailbox)s】请办理来信 %(number)s")
            % {"mailbox": letter.mailbox.name, "number": letter.number},
            _("来信“%(subject)s”已交由贵部门办理，请于 %(due)s 前在后台提交答复稿。")
            % {"subject": letter.subject, "due": date_format(deadline.date)},
        )
    )
    return letter


@transaction.atomic
def merge_letter(letter, *, user, target, note: str = "") -> Letter:
    """Close a duplicate, pointing to the letter that will carry the answer."""
    _require_office(user)
    letter = _locked(letter)
    _require_status(letter, *OPEN_STATUSES, message=_("只有未办结的来信可以合并。"))
    if target.pk == letter.pk or target.merged_into_id == letter.pk:
        raise ValidationError(_("不能合并到自身。"))
    letter.status = LetterStatus.CLOSED
    letter.merged_into = target
    letter.close_reason = f"与来信 {target.number} 重复，合并办理。"
    letter.save(update_fields=["status", "merged_into", "close_reason"])
    _record(letter, LetterAction.MERGED, user=user, note=f"{letter.close_reason}{note}")
    return letter


@transaction.atomic
def close_as_spam(letter, *, user, reason: str) -> Letter:
    _require_office(user)
    letter = _locked(letter)
    _require_status(letter, *OPEN_STATUSES, message=_("只有未办结的来信可以关闭。"))
    if not reason.strip():
        raise ValidationError(_("请填写关闭原因。"))
    letter.status = LetterStatus.CLOSED
    letter.close_reason = reason.strip()
    letter.save(update_fields=["status", "close_reason"])
    _record(letter, LetterAction.CLOSED_SPAM, user=user, note=letter.close_reason)
    return letter


@transaction.atomic
def draft_answer(letter, *, user, answer: str, at=None) -> Letter:
    """The department submits (or revises) its answer for the office to approve."""
    letter = _locked(letter)
    if not letter_policy.allows(user, Action.EDIT, letter):
        if letter.status not in (LetterStatus.ASSIGNED, LetterStatus.DRAFTED):
            raise ValidationError(_("该来信当前不能提交答复稿。"))
        raise PermissionDenied(_("只有承办部门可以提交答复稿。"))
    if not answer.strip():
        raise ValidationError(_("请填写答复内容。"))
    letter.answer = answer
    letter.drafted_by = user
    letter.status = LetterStatus.DRAFTED
    letter.save(update_fields=["answer", "drafted_by", "status"])
    _record(letter, LetterAction.DRAFTED, user=user, department=letter.department, at=at)
    transaction.on_commit(
        lambda: notify(
            office_emails(),
            _("【%(mailbox)s】来信 %(number)s 的答复稿待审核")
            % {"mailbox": letter.mailbox.name, "number": letter.number},
            _("%(department)s 已提交来信“%(subject)s”的答复稿，请审核。")
            % {"department": letter.department, "subject": letter.subject},
        )
    )
    return letter


@transaction.atomic
def return_draft(letter, *, user, note: str) -> Letter:
    _require_office(user)
    letter = _locked(letter)
    _require_status(letter, LetterStatus.DRAFTED, message=_("只有待审核的答复稿可以退回。"))
    if not note.strip():
        raise ValidationError(_("请填写退回意见。"))
    letter.status = LetterStatus.ASSIGNED
    letter.save(update_fields=["status"])
    _record(letter, LetterAction.RETURNED, user=user, department=letter.department, note=note)
    transaction.on_commit(
        lambda: notify(
            department_emails(letter.department),
            _("【%(mailbox)s】来信 %(number)s 的答复稿被退回")
            % {"mailbox": letter.mailbox.name, "number": letter.number},
            _("退回意见：%(note)s") % {"note": note},
        )
    )
    return letter


ANSWER_NOTICE = (
    gettext_lazy("【%(mailbox)s】您的来信 %(number)s 已答复"),
    gettext_lazy(
        "您的来信“%(subject)s”已有答复：\n\n%(answer)s\n\n也可凭编号和查询码在 %(url)s 查看。"
    ),
)


def _notify_writer(letter_pk: int) -> None:
    letter = Letter.objects.select_related("mailbox").get(pk=letter_pk)
    sent = notify_answered(
        letter, *ANSWER_NOTICE, "mailbox:track", mailbox=letter.mailbox.name, answer=letter.answer
    )
    if sent:
        _record(letter, LetterAction.NOTIFIED, note=letter.email)


@transaction.atomic
def approve_answer(letter, *, user, answer: str | None = None, at=None) -> Letter:
    """The office approves the (optionally edited) draft; the writer is told by e-mail."""
    _require_office(user)
    letter = _locked(letter)
    _require_status(letter, LetterStatus.DRAFTED, message=_("只有待审核的答复稿可以审核通过。"))
    if answer is not None:
        if not answer.strip():
            raise ValidationError(_("答复内容不能为空。"))
        letter.answer = answer
    letter.status = LetterStatus.ANSWERED
    letter.answered_at = at or timezone.now()
    letter.save(update_fields=["answer", "status", "answered_at"])
    _record(
        letter,
        LetterAction.APPROVED,
        user=user,
        department=letter.department,
        at=letter.answered_at,
    )
    if letter.email:
        transaction.on_commit(lambda: _notify_writer(letter.pk))
    return letter


def can_publish(letter) -> bool:
    return (
        letter.status == LetterStatus.ANSWERED
        and letter.consent_to_publish
        and letter.mailbox.allow_publication
    )


@transaction.atomic
def publish_letter(
    letter, *, user, public_subject: str, public_message: str, public_answer: str, at=None
):
    """Show the de-identified letter and answer on the portal — only with the writer's consent."""
    _require_office(user)
    letter = _locked(letter)
    if not can_publish(letter):
        raise ValidationError(_("只有已答复且来信人同意公开的来信可以公开。"))
    if not all(s.strip() for s in (public_subject, public_message, public_answer)):
        raise ValidationError(_("公开标题、来信内容和答复内容均不能为空。"))
    leaked = [v for v in (letter.writer_name, letter.phone, letter.email) if v and len(v) > 1]
    text = public_subject + public_message + public_answer
    if any(value in text for value in leaked):
        raise ValidationError(_("公开内容中仍含有来信人的姓名、电话或邮箱，请删除后再公开。"))
    letter.public_subject = public_subject.strip()
    letter.public_message = public_message.strip()
    letter.public_answer = public_answer.strip()
    letter.is_published = True
    letter.published_at = letter.published_at or at or timezone.now()
    letter.save(
        update_fields=[
            "public_subject",
            "public_message",
            "public_answer",
            "is_published",
            "published_at",
        ]
    )
    _record(letter, LetterAction.PUBLISHED, user=user, at=at)
    return letter


@transaction.atomic
def unpublish_letter(letter, *, user, reason: str) -> Letter:
    _require_office(user)
    letter = _locked(letter)
    if not letter.is_published:
        raise ValidationError(_("该来信未公开。"))
    letter.is_published = False
    letter.save(update_fields=["is_published"])
    _record(letter, LetterAction.UNPUBLISHED, user=user, note=reason)
    return letter


def _already(letter, action, since) -> bool:
    return letter.events.filter(action=action, at__gte=since).exists()


def remind_overdue_letters(*, today=None) -> dict[str, int]:
    """Remind departments of overdue letters and escalate long-overdue ones to the office.

    Idempotent per assignment: each letter gets one reminder once its due date has passed
    and one escalation once it is `escalate_after_working_days` overdue (or, unassigned,
    that many working days after receipt). A scheduler may call it as often as it likes.
    """
    today = today or timezone.localdate()
    counts = {"reminded": 0, "escalated": 0}
    open_letters = Letter.objects.filter(status__in=OPEN_STATUSES).select_related(
        "mailbox", "department"
    )
    for letter in open_letters:
        since = letter.assigned_at or letter.received_at
        overdue = letter.status == LetterStatus.ASSIGNED and letter.due_date < today
        if overdue and not _already(letter, LetterAction.REMINDED, since):
            _remind_department(letter)
            counts["reminded"] += 1
        start = letter.due_date or timezone.localtime(letter.received_at).date()
        # Counting stops after a year: by then the letter is long due for escalation anyway.
        late = working_days_between(start, min(today, start + datetime.timedelta(days=366)))
        due_for_escalation = late > 0 and late >= letter.mailbox.escalate_after_working_days
        if due_for_escalation and not _already(letter, LetterAction.ESCALATED, since):
            _escalate_to_office(letter, late)
            counts["escalated"] += 1
    return counts


def _remind_department(letter) -> None:
    note = f"已超过办理期限 {letter.due_date:%Y-%m-%d}。"
    _record(letter, LetterAction.REMINDED, department=letter.department, note=note)
    notify(
        department_emails(letter.department),
        _("【逾期提醒】来信 %(number)s 已超过办理期限") % {"number": letter.number},
        _("来信“%(subject)s”的办理期限为 %(due)s，请尽快提交答复稿。")
        % {"subject": letter.subject, "due": date_format(letter.due_date)},
    )


def _escalate_to_office(letter, late: int) -> None:
    since = "办理期限" if letter.due_date else "收信日"
    note = f"{letter.get_status_display()}，已超过{since} {late} 个工作日。"
    _record(letter, LetterAction.ESCALATED, department=letter.department, note=note)
    notify(
        office_emails(),
        _("【逾期上报】来信 %(number)s（%(department)s）")
        % {"number": letter.number, "department": letter.department or _("未分办")},
        _("来信“%(subject)s”%(note)s") % {"subject": letter.subject, "note": note},
    )


@transaction.atomic
def erase_personal_data(letter, *, today=None) -> Letter:
    """Blank the writer's details, attachments and the e-mail address in the record.

    The letter, its answer and every handling step stay, so the figures do not change.
    """
    letter = _locked(letter)
    delete_files_on_commit(*(a.file for a in letter.attachments.all()))
    letter.attachments.all().delete()
    return erase_contacts(letter, ["writer_name", "phone", "email"], today=today)
