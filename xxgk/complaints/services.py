"""Intake and handling of complaints; each step in one transaction with its event."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xxgk.cases.selectors import office_emails
from xxgk.cases.services import (
    erase_contacts,
    notify,
    notify_answered,
    open_public_case,
    record_event,
)
from xxgk.orgs.policy import Action

from .models import (
    NUMBER_PREFIX,
    Complaint,
    ComplaintAction,
    ComplaintEvent,
    ComplaintResult,
    ComplaintStatus,
)
from .policy import complaint_policy


def _record(complaint, action, **step) -> ComplaintEvent:
    return record_event(ComplaintEvent, complaint=complaint, action=action, **step)


def _locked(complaint, user, *statuses, message) -> Complaint:
    complaint_policy.require(user, Action.HANDLE)
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status not in statuses:
        raise ValidationError(message)
    return complaint


def submit_complaint(*, data: dict, received_at=None) -> tuple[Complaint, str]:
    received_at = received_at or timezone.now()
    fields = ("kind", "department", "page_url", "subject", "message", "name", "phone", "email")
    with transaction.atomic():
        complaint, code = open_public_case(
            Complaint,
            prefix=NUMBER_PREFIX,
            received_at=received_at,
            **{
                name: data.get(name) or Complaint._meta.get_field(name).get_default()
                for name in fields
            },
        )
        _record(complaint, ComplaintAction.RECEIVED, at=received_at)
    number = complaint.number
    transaction.on_commit(lambda: _notify_office(number, complaint.subject))
    return complaint, code


@transaction.atomic
def accept_complaint(complaint, *, user, note: str = "") -> Complaint:
    complaint = _locked(
        complaint, user, ComplaintStatus.RECEIVED, message=_("只有待受理的举报可以受理。")
    )
    complaint.status = ComplaintStatus.INVESTIGATING
    complaint.handler = user
    complaint.accepted_at = timezone.now()
    complaint.save(update_fields=["status", "handler", "accepted_at"])
    _record(complaint, ComplaintAction.ACCEPTED, user=user, note=note)
    return complaint


@transaction.atomic
def add_investigation_note(complaint, *, user, note: str) -> Complaint:
    complaint = _locked(
        complaint,
        user,
        ComplaintStatus.INVESTIGATING,
        message=_("只有调查中的举报可以添加调查记录。"),
    )
    if not note.strip():
        raise ValidationError(_("请填写调查记录。"))
    _record(complaint, ComplaintAction.NOTE, user=user, note=note)
    return complaint


def _notify_office(number: str, subject: str) -> None:
    # Written by the public, read by the office: in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        notify(
            office_emails(),
            _("【信息公开举报】收到举报 %(number)s") % {"number": number},
            _("收到关于信息公开工作的举报“%(subject)s”，请及时受理。") % {"subject": subject},
        )


ANSWER_NOTICE = (
    gettext_lazy("您的举报 %(number)s 已办结"),
    gettext_lazy(
        "您关于“%(subject)s”的举报已办结：\n\n%(reply)s\n\n也可凭编号和查询码在 %(url)s 查看。"
    ),
)


def _notify_complainant(pk: int) -> None:
    complaint = Complaint.objects.get(pk=pk)
    if complaint.email and notify_answered(
        complaint, *ANSWER_NOTICE, "complaints:track", reply=complaint.reply
    ):
        _record(complaint, ComplaintAction.NOTIFIED, note=complaint.email)


@transaction.atomic
def conclude_complaint(
    complaint,
    *,
    user,
    investigation: str,
    result: str,
    reply: str,
    rectification: str = "",
    rectified_on=None,
) -> Complaint:
    """Record what the investigation found and what was put right; the complainant is told."""
    complaint = _locked(
        complaint, user, ComplaintStatus.INVESTIGATING, message=_("只有调查中的举报可以办结。")
    )
    if result not in ComplaintResult.values:
        raise ValidationError(_("核实结论无效。"))
    if result != ComplaintResult.UNFOUNDED and not rectification.strip():
        raise ValidationError(_("举报属实或部分属实的，须填写整改措施。"))
    if not (investigation.strip() and reply.strip()):
        raise ValidationError(_("请填写调查核实情况和答复内容。"))
    complaint.investigation = investigation
    complaint.result = result
    complaint.rectification = rectification
    complaint.rectified_on = rectified_on
    complaint.reply = reply
    complaint.status = ComplaintStatus.CONCLUDED
    complaint.concluded_at = timezone.now()
    complaint.save()
    _record(complaint, ComplaintAction.CONCLUDED, user=user, note=complaint.get_result_display())
    transaction.on_commit(lambda: _notify_complainant(complaint.pk))
    return complaint


@transaction.atomic
def reject_complaint(complaint, *, user, reason: str) -> Complaint:
    """Not about disclosure work (spam, or belongs elsewhere); the reason is kept."""
    complaint = _locked(
        complaint, user, ComplaintStatus.RECEIVED, message=_("只有待受理的举报可以不予受理。")
    )
    if not reason.strip():
        raise ValidationError(_("请填写不予受理理由。"))
    complaint.status = ComplaintStatus.REJECTED
    complaint.reject_reason = reason.strip()
    complaint.reply = complaint.reject_reason
    complaint.concluded_at = timezone.now()
    complaint.save(update_fields=["status", "reject_reason", "reply", "concluded_at"])
    _record(complaint, ComplaintAction.REJECTED, user=user, note=complaint.reject_reason)
    return complaint


@transaction.atomic
def erase_personal_data(complaint, *, today=None) -> Complaint:
    """Blank the complainant's details; the complaint and its outcome stay for the report."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    return erase_contacts(complaint, ["name", "phone", "email"], today=today)
