"""Writes of the confidentiality review: submit, decide, restart on edit, withdraw, and the
gate every publish path passes through (DisclosurePage.publish/save call ensure_publishable);
the annual report's submission (a disclosure of catalogue item 6, published only through the
review) and its deadline reminder, installed on the report desk as its publisher.
"""

import contextlib
import contextvars
import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, Workflow, WorkflowState, WorkflowTask

from xxgk.core import ocr
from xxgk.core.numbering import next_serial
from xxgk.core.textextract import ExtractionError, Reason
from xxgk.disclosures.models import AnnualReportPage, DisclosurePage, rich_text_is_empty
from xxgk.disclosures.policy import disclosure_policy
from xxgk.disclosures.selectors import report_page_of_year
from xxgk.disclosures.services import file_report
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import ROLE_GROUP_NAMES, Role
from xxgk.orgs.selectors import office_users
from xxgk.reports import services as report_services
from xxgk.reports.exports import report_pdf
from xxgk.reports.models import AnnualReportDraft, PeriodKind
from xxgk.reports.policy import report_policy
from xxgk.reports.rendering import year_label
from xxgk.workdays.calendar import working_days_between

from .models import (
    CHECKLIST,
    NUMBER_PREFIX,
    AttachmentScan,
    ConfidentialityReviewTask,
    Decision,
    DepartmentHead,
    DepartmentHeadTask,
    Notice,
    OcrSettings,
    ReviewRecord,
    ScanCrop,
    ScanReport,
    ScanState,
    Step,
    Withdrawal,
)
from .policy import refusal_reason
from .redaction import redacted_copy
from .scan import AttachmentResult, scan_attachment, scan_content
from .selectors import (
    Status,
    department_head,
    disclosure_status,
    revision_cleared_for_publishing,
    scan_report_for,
)
from .signals import attachment_text_read

logger = logging.getLogger(__name__)

REVIEW_WORKFLOW_NAME = "先审查、后公开（保密审查）"
HEAD_WORKFLOW_NAME = "先审查、后公开（保密审查＋部门负责人审核）"
DEFAULT_BASIS = (
    "《中华人民共和国保守国家秘密法》《中华人民共和国政府信息公开条例》《高等学校信息公开办法》"
)

_quiet = contextvars.ContextVar("xxgk_review_quiet", default=False)


class PublishRefused(PermissionDenied):
    """A publish path was asked to make live a revision without an approved review."""


# --- Workflows ---------------------------------------------------------------------------------


def _task(model, name):
    task = model.objects.filter(active=True).order_by("pk").first()
    return task or model.objects.create(name=name)


@transaction.atomic
def review_workflow(*, with_head: bool = False) -> Workflow:
    """The standard workflow (保密审查), or the one with a head's sign-off after it."""
    name = HEAD_WORKFLOW_NAME if with_head else REVIEW_WORKFLOW_NAME
    workflow = Workflow.objects.filter(name=name, active=True).order_by("pk").first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name=name)
    tasks = [_task(ConfidentialityReviewTask, "保密审查")]
    if with_head:
        tasks.append(_task(DepartmentHeadTask, "部门负责人审核"))
    for order, task in enumerate(tasks):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def workflow_for_disclosure(page) -> Workflow:
    """An item may be given its own workflow in Wagtail's workflow settings, but only one
    that opens with the confidentiality review counts: anything else (Wagtail's default
    "Moderators approval", say) would let unreviewed content through."""
    assigned = Page.get_workflow(page)
    if assigned is not None:
        first = assigned.tasks.filter(active=True).first()
        if first is not None and isinstance(first.specific, ConfidentialityReviewTask):
            return assigned
    head = DepartmentHead.objects.filter(department_id=page.publishing_department_id).first()
    return review_workflow(with_head=bool(head and head.required))


# --- The publishing gate -----------------------------------------------------------------------


def ensure_publishable(page, revision) -> None:
    """Refuse to make live (or schedule) a revision that has not passed review."""
    if revision_cleared_for_publishing(revision):
        return
    log(
        instance=page,
        action="xxgk_review.publish_refused",
        data={"revision_id": getattr(revision, "pk", None)},
        revision=revision,
    )
    raise PublishRefused(
        _("该版本未经保密审查同意，不能发布。请提交保密审查，审查同意后自动发布。")
    )


# --- Notices -----------------------------------------------------------------------------------


@contextlib.contextmanager
def quiet_notices():
    """Bulk loading of historical records (the demo, imports) sends no notices."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def _admin_url(name, *args) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse(name, args=args)}"


def notify(users, *, subject: str, message: str, url: str = "") -> None:
    """An in-admin notice and an e-mail to each user; a mail failure never undoes a decision."""
    if _quiet.get():
        return
    users = list({u.pk: u for u in users if u is not None and u.is_active}.values())
    Notice.objects.bulk_create(
        [Notice(recipient=u, message=message[:500], url=url[:300]) for u in users]
    )
    for user in users:
        if not user.email:
            continue
        try:
            send_mail(
                f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
                f"{message}\n\n{url}".strip(),
                None,
                [user.email],
            )
        except Exception:  # noqa: BLE001 - mail servers fail in many ways; the notice stays
            logger.exception("Could not e-mail %s about %s", user, subject)


def reviewers():
    return get_user_model().objects.filter(
        is_active=True, groups__name=ROLE_GROUP_NAMES[Role.REVIEWER]
    )


@transaction.atomic
def mark_notices_read(user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- Submission --------------------------------------------------------------------------------


def _zh(text) -> str:
    with translation.override("zh-hans"):
        return str(text)


def _transition(page, *, action, user, source, target, comment="", revision=None, **data):
    log(
        instance=page,
        action=action,
        user=user,
        revision=revision,
        # The log keeps the states as words: in Chinese, whatever the user's language.
        data={"from": _zh(source), "to": _zh(target), "comment": comment, **data},
    )


def missing_for_submission(page) -> dict:
    """Required before review: a title, a publishing department, and content to review."""

    errors = {}
    if not (page.title or "").strip():
        errors["title"] = _("请填写标题。")
    if not page.publishing_department_id:
        errors["publishing_department"] = _("请选择发布部门。")
    if rich_text_is_empty(page.body) and not page.attachments.exists():
        errors["body"] = _("提交审查前须填写正文或上传附件。")
    return errors


@transaction.atomic
def submit_for_review(page, *, user) -> WorkflowState:
    """Submit a disclosure's latest revision for review (the admin's "提交审查" does the same
    through Wagtail's edit view). A rejected one is resubmitted: a new review begins."""

    page = DisclosurePage.objects.select_for_update().get(pk=page.pk)
    if not disclosure_policy.allows(user, Action.EDIT, page):
        raise PermissionDenied(_("您无权提交该公开信息。"))
    latest = page.get_latest_revision_as_object()
    errors = missing_for_submission(latest)
    if errors:
        raise ValidationError(errors)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("该信息已在审查中，请勿重复提交。"))
    disclosure_policy.require(user, Action.SUBMIT, page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    return page.get_workflow().start(page, user)


def review_started(task_state, *, user=None) -> None:
    """A review step began on a revision: scan it, log it, tell the reviewers."""
    page = task_state.workflow_state.content_object.specific
    revision = task_state.revision
    report = scan_revision(revision)
    _transition(
        page,
        action="xxgk_review.submit",
        user=user,
        source=_state_before_review(task_state, page),
        target=gettext_noop("待保密审查"),
        revision=revision,
        hits=len(report.hits),
        unscannable=len(report.unscannable),
        pending=len(report.pending),
    )
    warning = scan_warning(report)
    notify(
        reviewers().exclude(pk=getattr(user, "pk", None)),
        subject=f"待保密审查：{page.title}",
        message=f"{page.publishing_department}提交的“{page.title}”等待保密审查。{warning}",
        url=_admin_url("review:decide", task_state.pk),
    )


def _state_before_review(task_state, page) -> str:
    earlier = task_state.workflow_state.task_states.exclude(pk=task_state.pk)
    if earlier.filter(status=TaskState.STATUS_CANCELLED).exists():
        return _("审查中（内容已修改）")
    if earlier.filter(status=TaskState.STATUS_REJECTED).exists():
        return Status.LABELS[Status.REJECTED]
    if page.live:
        return _("已发布（提交更正）")
    if page.first_published_at:
        return Status.LABELS[Status.WITHDRAWN]
    return Status.LABELS[Status.DRAFT]


def head_review_started(task_state, *, user=None) -> None:
    page = task_state.workflow_state.content_object.specific
    head = department_head(page.publishing_department)
    if head is not None:
        recipients = [head.user]
    else:
        recipients = get_user_model().objects.filter(
            is_active=True, groups__name=ROLE_GROUP_NAMES[Role.OFFICE]
        )
    _transition(
        page,
        action="xxgk_review.head_submit",
        user=user,
        source=gettext_noop("保密审查通过"),
        target=gettext_noop("待部门负责人审核"),
        revision=task_state.revision,
    )
    notify(
        recipients,
        subject=f"待部门负责人审核：{page.title}",
        message=f"“{page.title}”已通过保密审查，等待部门负责人审核。",
        url=_admin_url("review:decide", task_state.pk),
    )


def scan_revision(revision) -> ScanReport:
    """Scan a revision once; the report is kept with it. Title and body are scanned now;
    each attachment is 待扫描 until the task worker has read it (scan_attachments), so that
    parsing a file never holds the submitter's request."""
    existing = scan_report_for(revision)
    if existing is not None:
        return existing
    page = revision.as_object()
    report = ScanReport.objects.create(
        revision=revision,
        page_id=revision.object_id,
        hits=[hit.as_dict() for hit in scan_content(page)],
    )
    scans = AttachmentScan.objects.bulk_create(
        [
            AttachmentScan(
                report=report,
                document_id=attachment.document_id,
                name=(attachment.title or attachment.document.title)[:255],
            )
            for attachment in page.attachments.all()
        ]
    )
    if scans:
        queue_attachment_scans(report)
    else:
        report.completed_at = timezone.now()
        report.save(update_fields=["completed_at"])
    return report


def queue_attachment_scans(report: ScanReport) -> None:
    """Hand the attachments to the task worker (XXGK_SCAN_TASK_BACKEND; the row is written
    with the submission, so the worker sees it once that commits)."""
    # Imported here: the task module imports these services at module level.
    from .tasks import scan_attachments

    ScanReport.objects.filter(pk=report.pk).update(queued_at=timezone.now())
    scan_attachments.using(backend=settings.XXGK_SCAN_TASK_BACKEND).enqueue(report.pk)


def keep_scan_going(report: ScanReport | None) -> None:
    """A scan still pending long after it was queued (the worker was down) is queued again;
    called when someone opens the review page. Scanning twice is harmless."""
    if report is None or report.is_complete:
        return
    stale = timezone.now() - datetime.timedelta(seconds=settings.XXGK_SCAN_STALE_SECONDS)
    if report.queued_at is None or report.queued_at < stale:
        queue_attachment_scans(report)


def _claim(item: AttachmentScan) -> datetime.datetime | None:
    """Mark one attachment 扫描中 for this run; None when another run has it (one that
    started longer ago than the OCR time limit plus XXGK_SCAN_STALE_SECONDS died)."""
    now = timezone.now()
    limit = OcrSettings.load().seconds + settings.XXGK_SCAN_STALE_SECONDS
    stale = now - datetime.timedelta(seconds=limit)
    claimed = (
        AttachmentScan.objects.filter(pk=item.pk)
        .filter(
            models.Q(state=ScanState.PENDING)
            | models.Q(state=ScanState.SCANNING, started_at__lt=stale)
        )
        .update(state=ScanState.SCANNING, started_at=now)
    )
    return now if claimed else None


def _ocr_limits():
    configured = OcrSettings.load()
    return configured.limits() if configured.enabled and ocr.available() else None


def run_attachment_scans(report: ScanReport) -> ScanReport:
    """Read every attachment still 待扫描 (扫描中 while it is read; OCR for pages without a
    text layer, within the office's limits) and record its state and hits; when none is
    left, the report is complete and, if it found anything, the submitter and the reviewers
    are told. Safe to run twice at once: each attachment is claimed by one run."""
    waiting = report.attachments.filter(
        state__in=[ScanState.PENDING, ScanState.SCANNING]
    ).select_related("document")
    limits = _ocr_limits() if waiting else None
    for item in waiting:
        started = _claim(item)
        if started is None:
            continue
        source = ""
        if item.document is None:  # deleted since the submission
            result = AttachmentResult(ScanState.UNSCANNABLE, Reason.MISSING)
        else:
            source = f"{item.document.file.name}:{item.document.file_hash}"[:300]
            try:
                result = scan_attachment(item.document, item.name, limits)
            except Exception:  # noqa: BLE001 - one file must never stop the others
                logger.exception("scan of attachment %s failed", item.pk)
                result = AttachmentResult(ScanState.UNSCANNABLE, "ocr_failed")
        _record_result(report, item, started, result, source)
    with transaction.atomic():
        report = ScanReport.objects.select_for_update().get(pk=report.pk)
        completed = report.completed_at is None and not report.pending
        if completed:
            report.completed_at = timezone.now()
            report.save(update_fields=["completed_at"])
    if completed:  # once, by whichever run finished last; mail is sent outside the lock
        _scan_completed(report)
    return report


def _record_result(report, item, started, result, source) -> None:
    with transaction.atomic():
        locked = ScanReport.objects.select_for_update().get(pk=report.pk)
        recorded = AttachmentScan.objects.filter(
            pk=item.pk, state=ScanState.SCANNING, started_at=started
        ).update(
            state=result.state,
            reason=result.reason,
            detail=result.detail,
            hit_count=len(result.hits),
            scanned_at=timezone.now(),
            method=result.method,
            ocr_text=result.ocr_text,
            ocr_pages=result.ocr_pages,
            source=source,
        )
        if not recorded or not result.hits:
            return
        hits = [hit.as_dict() for hit in result.hits]
        for index, png in result.crops:
            crop = ScanCrop(attachment_id=item.pk, page=hits[index]["page"] or 1)
            crop.image.save(f"crop-{item.pk}-{index}.png", ContentFile(png), save=True)
            hits[index]["crop"] = crop.pk
        for hit in hits:
            hit["attachment"] = item.pk
        locked.hits = [*locked.hits, *hits]
        locked.save(update_fields=["hits"])


def scan_warning(report: ScanReport) -> str:
    """One sentence on what a scan found so far, for notices and messages."""
    parts = []
    if report.hits:
        parts.append(_("个人信息扫描发现 %(n)s 处疑似个人信息。") % {"n": len(report.hits)})
    for item in report.unscannable:
        parts.append(
            _("附件“%(name)s”%(label)s，请人工检查。") % {"name": item.name, "label": item.label}
        )
    if report.pending:
        parts.append(_("%(n)s 个附件正在扫描，结果见审查页面。") % {"n": len(report.pending)})
    return "".join(parts)


def _scan_completed(report: ScanReport) -> None:
    page = report.page
    revision = report.revision
    if any(item.ocr_text for item in report.attachments.all()):
        attachment_text_read.send(sender=type(page), page_id=page.pk)
    log(
        instance=page,
        action="xxgk_review.scan_completed",
        revision=revision,
        data={
            "hits": len(report.hits),
            "unscannable": [item.label for item in report.unscannable],
        },
    )
    if not report.needs_acknowledgement:
        return
    state = page.current_workflow_state
    submitter = state.requested_by if state is not None else None
    title = revision.as_object().title
    notify(
        [*reviewers(), submitter, revision.user],
        subject=_("扫描结果：%(title)s") % {"title": title},
        message=_("“%(title)s”的个人信息扫描已完成。%(warning)s")
        % {"title": title, "warning": scan_warning(report)},
        url=_admin_url("review:page", page.pk),
    )


# --- Edits during review -----------------------------------------------------------------------


def revision_saved(page, revision) -> None:
    """一事一审: an edit while a review is under way restarts it on the new revision, so no
    one can approve content they have not seen (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
    alone only notices at the next approval)."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    current = state.current_task_state
    if current is None or current.status != TaskState.STATUS_IN_PROGRESS:
        return
    if current.revision_id == revision.pk:
        return
    _transition(
        page,
        action="xxgk_review.restart",
        user=revision.user,
        source=gettext_noop("审查中"),
        target=gettext_noop("待保密审查"),
        comment="审查期间内容被修改，重新审查。",
        revision=revision,
    )
    current.cancel(user=revision.user, comment="审查期间内容被修改，重新审查。")


# --- Decisions ---------------------------------------------------------------------------------


def _validate_confidentiality(
    task_state, checklist, basis, opinion, decision, acknowledged, pending_checked=False
):
    """Approval needs every checklist question answered 否, a basis and an acknowledged scan;
    a rejection needs its reason (any answers given are kept)."""
    errors = {}
    checklist = {k: v for k, v in (checklist or {}).items() if isinstance(v, bool)}
    unanswered = [label for field, label in CHECKLIST if field not in checklist]
    if not (opinion or "").strip():
        errors["opinion"] = (
            _("请填写审查意见。") if decision == Decision.APPROVED else _("请填写退回原因。")
        )
    if decision == Decision.APPROVED:
        if unanswered:
            errors["checklist"] = _("请逐项回答保密审查清单：%(items)s。") % {
                "items": "、".join(str(label) for label in unanswered)
            }
        elif any(checklist[field] for field, _label in CHECKLIST):
            errors["decision"] = _("审查清单中有回答为“是”的项目，不能同意公开，请退回修改。")
        if not (basis or "").strip():
            errors["basis"] = _("请填写审查依据。")
        report = scan_report_for(task_state.revision)
        if report is not None and not report.is_complete and not pending_checked:
            errors["scan_acknowledged"] = _(
                "附件仍在扫描（%(n)s 个待扫描），请稍后刷新页面，查看扫描结果后再同意公开；"
                "或亲自逐页查看这些附件，并勾选“我已亲自查看仍在扫描的附件”。"
            ) % {"n": len(report.pending)}
        elif report is not None and report.needs_acknowledgement and not acknowledged:
            errors["scan_acknowledged"] = _(
                "请先核对个人信息扫描结果，并人工查看未能扫描（如无文字层）的附件，确认后再同意公开。"
            )
    if errors:
        raise ValidationError(errors)
    return checklist


@transaction.atomic
def decide_review(
    task_state,
    *,
    user,
    decision: str,
    opinion: str,
    basis: str = "",
    checklist: dict | None = None,
    scan_acknowledged: bool = False,
    pending_checked: bool = False,
    at=None,
) -> ReviewRecord:
    """Approve or reject one review step, leaving a 保密审查单. Approval of the last step
    publishes (or schedules) the revision; rejection returns it to the editor."""
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk).specific
    reason = refusal_reason(task_state, user)
    if reason:
        raise PermissionDenied(reason)
    if decision not in Decision.values:
        raise ValidationError({"decision": _("请选择审查结论。")})
    page = task_state.workflow_state.content_object.specific
    revision = task_state.revision
    if page.latest_revision_id != revision.pk:
        raise ValidationError(_("审查期间内容已被修改，请审查最新版本。"))
    step = (
        Step.CONFIDENTIALITY
        if isinstance(task_state.task.specific, ConfidentialityReviewTask)
        else Step.HEAD
    )
    answers = {}
    if step == Step.CONFIDENTIALITY:
        answers = _validate_confidentiality(
            task_state, checklist, basis, opinion, decision, scan_acknowledged, pending_checked
        )
    elif not (opinion or "").strip():
        raise ValidationError({"opinion": _("请填写审核意见。")})
    report = scan_report_for(revision)
    acknowledged = bool(scan_acknowledged and report is not None and report.needs_acknowledgement)
    decided_at = at or timezone.now()
    number_year = timezone.localtime(decided_at).year
    record = ReviewRecord.objects.create(
        number_year=number_year,
        serial=next_serial(NUMBER_PREFIX, number_year),
        task_state=task_state,
        page=page,
        revision=revision,
        step=step,
        reviewer=user,
        submitted_by=task_state.workflow_state.requested_by,
        decided_at=decided_at,
        title=revision.as_object().title,
        department_name=str(page.publishing_department),
        item_label=str(page.catalogue_item or ""),
        basis=basis.strip(),
        opinion=opinion.strip(),
        decision=decision,
        scan_hit_count=len(report.hits) if report else 0,
        unscannable_count=len(report.unscannable) if report else 0,
        scan_acknowledged=bool(scan_acknowledged),
        scan_acknowledged_by=user if acknowledged else None,
        scan_acknowledged_at=decided_at if acknowledged else None,
        unscannable_summary="；".join(
            f"{item.name}：{_zh(item.label)}" for item in (report.unscannable if report else [])
        ),
        pending_summary=(
            "；".join(f"{item.name}：{_zh(item.label)}" for item in report.pending)
            if report is not None and pending_checked and step == Step.CONFIDENTIALITY
            else ""
        ),
        **{field: answers.get(field) for field, _label in CHECKLIST},
    )
    source = Step(step).label
    if decision == Decision.APPROVED:
        task_state.approve(user=user, comment=record.opinion)
        page = type(page).objects.get(pk=page.pk)
        target = Status.LABELS[disclosure_status(page)]
        if page.current_workflow_state is not None:
            target = gettext_noop("待部门负责人审核")
        action = "xxgk_review.approve"
    else:
        task_state.reject(user=user, comment=record.opinion)
        target = Status.LABELS[Status.REJECTED]
        action = "xxgk_review.reject"
    _transition(
        page,
        action=action,
        user=user,
        source=format_lazy("待{}", source),
        target=target,
        comment=record.opinion,
        revision=revision,
        record_id=record.pk,
        step=step,
    )
    with translation.override("zh-hans"):  # the notice is stored: in Chinese
        notify(
            [task_state.workflow_state.requested_by, revision.user],
            subject=f"{source}{record.get_decision_display()}：{record.title}",
            message=f"“{record.title}”{source}结果：{record.get_decision_display()}（{target}）。"
            f"意见：{record.opinion}",
            url=_admin_url("review:page", page.pk),
        )
    return record


# --- Withdrawal --------------------------------------------------------------------------------


@transaction.atomic
def withdraw_disclosure(page, *, user, reason: str) -> Withdrawal:
    """撤回: the office takes a published disclosure off the portal at once (a Wagtail
    unpublish, so page_unpublished keeps search and feeds exact); it stays in the back office."""

    disclosure_policy.require(user, Action.WITHDRAW, page)
    page = DisclosurePage.objects.select_for_update().get(pk=page.pk)
    if not page.live:
        raise ValidationError(_("该信息当前未公开，无需撤回。"))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写撤回原因。")})
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    withdrawal = Withdrawal.objects.create(
        page=page,
        reason=reason.strip(),
        withdrawn_by=user,
        title=page.title,
        index_number=page.index_number or "",
    )
    # Wagtail's own unpublish is nobody's right over a disclosure (it has no reason to give);
    # this is the withdrawal, already checked above, taking the page down.
    UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    _transition(
        page,
        action="xxgk_review.withdraw",
        user=user,
        source=Status.LABELS[Status.PUBLISHED],
        target=Status.LABELS[Status.WITHDRAWN],
        comment=withdrawal.reason,
        withdrawal_id=withdrawal.pk,
    )
    notify(
        [page.owner],
        subject=f"已撤回：{page.title}",
        message=f"信息公开办公室撤回了“{page.title}”。原因：{withdrawal.reason}",
        url=_admin_url("review:page", page.pk),
    )
    return withdrawal


@transaction.atomic
def restore_disclosure(page, *, user, reason: str) -> WorkflowState:
    """重新送审: a withdrawn disclosure comes back only as a new revision that passes the
    confidentiality review again. The office starts it, with a reason; the disclosure's
    history (a Wagtail log entry, mirrored into the audit log) records who, when and why,
    and the review's approval publishes it as any other."""

    page = DisclosurePage.objects.select_for_update().get(pk=page.pk)
    disclosure_policy.require(user, Action.RESTORE, page)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写重新送审的理由。")})
    latest = page.get_latest_revision_as_object()
    errors = missing_for_submission(latest)
    if errors:
        raise ValidationError(errors)
    state = page.current_workflow_state
    if state is not None:  # an earlier restoration that the review sent back
        state.cancel(user=user)
    revision = latest.save_revision(user=user, log_action=True)
    _transition(
        page,
        action="xxgk_review.restore",
        user=user,
        source=Status.LABELS[Status.WITHDRAWN],
        target=gettext_noop("待保密审查"),
        comment=reason.strip(),
        revision=revision,
    )
    page = DisclosurePage.objects.get(pk=page.pk)
    return page.get_workflow().start(page, user)


@transaction.atomic
def redact_attachment(item: AttachmentScan, *, user):
    """涂黑副本: replace a scanned attachment in which OCR found personal data by a copy with
    the hits' pixels removed, on a new revision that goes through review like any other
    (the review restarts if one is under way, else it is submitted). Never published
    directly. Returns the new Wagtail document."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    page = item.report.page
    disclosure_policy.require(user, Action.EDIT, page)
    boxes: dict[int, list] = {}
    for hit in item.report.hits:
        if hit.get("attachment") == item.pk and hit.get("box"):
            boxes.setdefault(hit.get("page") or 1, []).append(hit["box"])
    if not boxes or item.document is None:
        raise ValidationError(_("该附件没有文字识别发现的个人信息，无需生成涂黑副本。"))
    latest = page.get_latest_revision_as_object()
    attached = [a for a in latest.attachments.all() if a.document_id == item.document_id]
    if not attached:
        raise ValidationError(_("最新版本中已没有该附件。"))
    original = item.document
    with original.file.open("rb") as handle:
        data = handle.read()
    try:
        copy = redacted_copy(data, original.file.name, boxes, OcrSettings.load().limits())
    except ExtractionError as exc:
        raise ValidationError(_("无法生成涂黑副本：%(reason)s") % {"reason": exc}) from exc
    stem = original.filename.rsplit(".", 1)[0]
    suffix = {"png": "png", "jpg": "png", "jpeg": "png", "docx": "docx"}.get(
        original.file_extension.lower(), "pdf"
    )
    document = get_document_model()(
        title=_("%(title)s（涂黑）") % {"title": original.title},
        collection=original.collection,
        uploaded_by_user=user,
    )
    document.file.save(f"{stem}-redacted.{suffix}", ContentFile(copy), save=False)
    document.save()
    for attachment in attached:
        attachment.document = document
        if attachment.title:
            attachment.title = _("%(title)s（涂黑）") % {"title": attachment.title}
    revision = latest.save_revision(user=user, log_action=True)
    log(
        instance=page,
        action="xxgk_review.redact",
        user=user,
        revision=revision,
        data={"original": original.pk, "copy": document.pk, "pages": sorted(boxes)},
    )
    page = type(page).objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        page.get_workflow().start(page, user)
    return document


def task_state_for_review(page):
    """The in-progress step of a disclosure's review, or a clear error."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("该信息当前不在审查中。"))
    return state.current_task_state


# --- The annual report: a disclosure of catalogue item 6, published through the review ------

# The reminder starts this many working days before the due date (31 October).
REMIND_WORKING_DAYS = 10


@transaction.atomic
def submit_annual_report(draft: AnnualReportDraft, *, user, today=None) -> AnnualReportPage:
    """发布: file the draft as the period's report under catalogue item 6 and send it into the
    confidentiality review (先审查、后公开); the reviewer's approval publishes it. Refused while
    figures are missing. A report already in review is re-reviewed on the new text."""

    report_policy.require(user, Action.EDIT)
    report = report_services.render_draft(draft, linked=False)
    if report.gaps:
        raise ValidationError(
            _("还有数据待补，不能发布：%(gaps)s。") % {"gaps": "、".join(map(str, report.gaps))}
        )
    today = today or timezone.localdate()
    Document = get_document_model()
    document = Document(title=report.title, uploaded_by_user=user)
    document.file.save(
        f"annual-report-{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}.pdf",
        ContentFile(report_pdf(report, signed_on=today)),
        save=False,
    )
    document.save()
    page = file_report(
        user=user,
        period_kind=draft.template.period_kind,
        year=draft.year,
        title=report.title,
        body="".join(report_services.section_html(section) for section in report.sections),
        document=document,
        period=report.period,
    )
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        submit_for_review(page, user=user)
    report_services.record_filing(draft, page, values=report.values, filed_on=today)
    return page


def annual_report_status(page) -> str:
    """草稿 / 审查中 / 被退回 / 已发布 … of a draft's portal report (None: not filed yet)."""

    return Status.LABELS[disclosure_status(page)] if page is not None else _("未提交")


def due_periods(today: datetime.date) -> list[tuple[str, int, datetime.date]]:
    """The reports whose due date comes next: (period kind, year, due) for the school year
    that ended last 31 August (due 31 October) and, when the school reports by calendar year
    too (it has such a draft or report), for last calendar year (due 31 January)."""
    school_year = today.year - 1 if today.month >= 9 else today.year - 2
    periods = [(PeriodKind.SCHOOL_YEAR, school_year)]
    calendar_in_use = (
        AnnualReportDraft.objects.filter(template__period_kind=PeriodKind.CALENDAR_YEAR).exists()
        or AnnualReportPage.objects.filter(period_kind=PeriodKind.CALENDAR_YEAR).exists()
    )
    if calendar_in_use:
        periods.append((PeriodKind.CALENDAR_YEAR, today.year - 1))
    return [(kind, year, report_services.due_date(kind, year)) for kind, year in periods]


def remind_annual_report(
    today: datetime.date | None = None, *, working_days: int = REMIND_WORKING_DAYS
) -> list:
    """From `working_days` working days before a report's due date until the due date, while
    the period's report is not live: an in-admin notice and an e-mail to every office user,
    at most once per period and day (the ReportReminder row is the claim). After the due
    date, supervision's urging for catalogue item 6 takes over. Returns the reminders sent."""

    today = today or timezone.localdate()
    sent = []
    for kind, year, due in due_periods(today):
        if today > due or working_days_between(today, due) > working_days:
            continue
        page = report_page_of_year(kind, year)
        if page is not None and page.live:
            continue
        left = working_days_between(today, due)
        state = (
            f"已提交，当前状态：{annual_report_status(page)}"
            if page is not None
            else "尚未提交审查"
        )
        message = (
            f"【年度报告提醒】{year_label(kind, year)}信息公开工作年度报告应于"
            f"{due:%Y年%m月%d日}前公开，还剩 {left} 个工作日，{state}。"
        )
        recipients = list(office_users())
        try:
            with transaction.atomic():
                reminder = report_services.claim_reminder(
                    period_kind=kind,
                    year=year,
                    today=today,
                    due=due,
                    message=message,
                    recipients=len(recipients),
                )
                notify(
                    recipients,
                    subject="年度报告即将到期",
                    message=message,
                    url=f"{settings.WAGTAILADMIN_BASE_URL}{reverse('reports_admin:desk')}",
                )
        except IntegrityError:
            continue  # already reminded today (another run won the claim)
        sent.append(reminder)
    return sent
