"""Writes for supervision: pending-information records, reminders, handling, notices."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.catalogue.selectors import can_author_under
from xxgk.orgs import policy as rights
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.selectors import is_office, user_department
from xxgk.workdays.calendar import ONE_DAY, WorkCalendar

from .models import ActionKind, Notice, PendingInformation
from .models import SupervisionAction as Action
from .obligations import Status
from .policy import supervision_policy
from .selectors import obligation_set, reminder_window

logger = logging.getLogger(__name__)


@transaction.atomic
def record_pending(
    *, user, item, title: str, formed_on: datetime.date, department=None
) -> PendingInformation:
    """An editor declares information that has formed and must be published in time."""
    if not can_author_under(user, item):
        raise PermissionDenied("您所在部门不负责该信息公开事项，不能登记。")
    department = department or user_department(user)
    if department is None:
        raise ValidationError({"department": "请选择责任部门。"})
    if not is_office(user) and department != user_department(user):
        raise PermissionDenied("只能登记本部门的信息。")
    if not item.responsible_departments.filter(pk=department.pk).exists():
        raise ValidationError({"department": "该部门不是本事项的责任部门。"})
    record = PendingInformation(
        department=department, item=item, title=title, formed_on=formed_on, recorded_by=user
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def cancel_pending(record: PendingInformation, *, user, reason: str) -> PendingInformation:
    """Withdraw a record made in error; kept, with the reason, for the audit trail."""
    if not supervision_policy.allows(user, rights.Action.EDIT, record):
        raise PermissionDenied("只能撤销本部门的登记。")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"cancelled_reason": "请填写撤销原因。"})
    record.cancelled_reason = reason[:200]
    record.save(update_fields=["cancelled_reason"])
    return record


@transaction.atomic
def record_handling(*, user, department, note: str, item=None) -> Action:
    """The office records how it dealt with a department's lapse (处理): talks, notices…"""
    supervision_policy.require(user, rights.Action.HANDLE, department)
    note = note.strip()
    if not note:
        raise ValidationError({"note": "请填写处理情况。"})
    return Action.objects.create(
        kind=ActionKind.HANDLING,
        department=department,
        item=item,
        obligation_label=str(item) if item else "",
        message=note,
        created_by=user,
    )


def mark_notices_read(user, notice_ids) -> int:
    return Notice.objects.filter(user=user, pk__in=notice_ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _staff(*, group_ids=None, office=False):
    users = get_user_model().objects.filter(is_active=True)
    if office:
        return users.filter(groups__name=ROLE_GROUP_NAMES[Role.OFFICE]).distinct()
    return users.filter(groups__in=group_ids).distinct()


def _editors_by_department(departments) -> dict:
    group_to_dept = {d.editor_group_id: d.pk for d in departments}
    found = {d.pk: [] for d in departments}
    users = _staff(group_ids=list(group_to_dept)).values_list("pk", "email", "groups")
    seen = set()
    for pk, email, group_id in users:
        dept_id = group_to_dept.get(group_id)
        if dept_id is not None and (dept_id, pk) not in seen:
            seen.add((dept_id, pk))
            found[dept_id].append((pk, email))
    return found


def _describe(kind, obligation, today, calendar) -> str:
    where = f"{obligation.department.name}：清单事项“{obligation.item}”"
    what = f"（{obligation.label}）" if obligation.label else ""
    if kind == ActionKind.REMINDER:
        left = calendar.working_days_between(today, obligation.deadline)
        return (
            f"【信息公开提醒】{where}{what}应于 {obligation.deadline:%Y-%m-%d} 前公开，"
            f"还剩 {left} 个工作日。"
        )
    if obligation.status == Status.STALE:
        lapse = f"自 {obligation.since:%Y-%m-%d} 起未按期更新"
    elif obligation.status == Status.NEVER:
        lapse = "至今从未公开"
    else:
        lapse = f"公开期限为 {obligation.deadline:%Y-%m-%d}，自 {obligation.since:%Y-%m-%d} 起逾期"
    if kind == ActionKind.URGING:
        return f"【信息公开督促】{where}{what}{lapse}，请尽快公开。"
    days = calendar.working_days_between(obligation.since - ONE_DAY, today)
    return (
        f"【逾期上报】{where}{what}{lapse}，已逾期 {days} 个工作日，经督促仍未公开，请办公室处理。"
    )


def _issue(kind, obligation, recipients, message) -> Action | None:
    """Claim the reminder by inserting its row; whoever loses the race sends nothing."""
    try:
        with transaction.atomic():
            action = Action.objects.create(
                kind=kind,
                department=obligation.department,
                item=obligation.item,
                obligation_key=obligation.key,
                obligation_label=f"{obligation.item} {obligation.label}".strip()[:300],
                deadline=obligation.deadline,
                message=message,
            )
            Notice.objects.bulk_create([Notice(action=action, user_id=pk) for pk, _ in recipients])
    except IntegrityError:
        return None
    emails = sorted({email for _, email in recipients if email})
    if emails:
        try:
            send_mail(
                subject=message.split("】")[0].lstrip("【") + "：" + obligation.department.name,
                message=message + f"\n\n请登录 {settings.WAGTAILADMIN_BASE_URL}/admin/ 处理。",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=emails,
            )
        except Exception:  # the notice stands; the e-mail is retried by nobody, so log it
            logger.exception("supervision e-mail failed for action %s", action.pk)
        else:
            Action.objects.filter(pk=action.pk).update(emailed_to=emails)
    return action


def run_supervision(*, today: datetime.date) -> dict:
    """Send what is due today: reminders N working days before a deadline, urgings once
    overdue, escalations to the office M working days later. Safe to run any number of
    times: each (obligation, kind) is sent once."""
    result = obligation_set(reminder_window(today), today=today)
    # Lapses can be older than the window (content stale for years): count from the oldest.
    lapses = [o.since for o in result.obligations if o.is_failing]
    deadlines = [o.deadline for o in result.obligations if o.status == Status.DUE_SOON]
    calendar = WorkCalendar.load(min([today, *lapses]), max([today, *deadlines]))
    escalate_after = settings.XXGK_SUPERVISION_ESCALATE_DAYS
    office = list(_staff(office=True).values_list("pk", "email"))
    editors = _editors_by_department(result.departments)
    already = set(
        Action.objects.filter(
            department__in=[d.pk for d in result.departments],
            kind__in=[ActionKind.REMINDER, ActionKind.URGING, ActionKind.ESCALATION],
        ).values_list("department_id", "obligation_key", "kind")
    )
    sent = dict.fromkeys((ActionKind.REMINDER, ActionKind.URGING, ActionKind.ESCALATION), 0)
    for obligation in result.obligations:
        wanted = []
        if obligation.status == Status.DUE_SOON:
            wanted.append(ActionKind.REMINDER)
        elif obligation.is_failing:
            wanted.append(ActionKind.URGING)
            overdue_days = calendar.working_days_between(obligation.since - ONE_DAY, today)
            if overdue_days >= escalate_after:
                wanted.append(ActionKind.ESCALATION)
        for kind in wanted:
            if (obligation.department_id, obligation.key, kind.value) in already:
                continue
            recipients = (
                office if kind == ActionKind.ESCALATION else editors[obligation.department_id]
            )
            message = _describe(kind, obligation, today, calendar)
            if not recipients:
                # A department without an editor: the office hears of it straight away.
                recipients = office
                message += "（该部门未配置信息员，已直接通知信息公开办公室。）"
            if _issue(kind, obligation, recipients, message) is not None:
                sent[kind] += 1
    return {kind.label: n for kind, n in sent.items()}
