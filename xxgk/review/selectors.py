"""Reads for the review workflow: who may review what, queues, statuses, figures."""

import datetime
from dataclasses import asdict, dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from xxgk.disclosures.models import DisclosurePage
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office, is_reviewer, user_department

from .models import (
    AttachmentScan,
    ConfidentialityReviewTask,
    Decision,
    DepartmentHead,
    DepartmentHeadTask,
    Notice,
    ReviewRecord,
    ScanMethod,
    ScanReport,
    Step,
    Withdrawal,
)


def department_head(department):
    return DepartmentHead.objects.filter(department=department).select_related("user").first()


def is_head_for(user, page) -> bool:
    department_id = getattr(page.specific, "publishing_department_id", None)
    head = DepartmentHead.objects.filter(department_id=department_id).first()
    if head is None:
        # No head appointed: the office signs off (by role, not by superuser rank).
        return has_role(user, Role.OFFICE)
    return head.user_id == user.pk


def confidentiality_review_task(workflow):
    return ConfidentialityReviewTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True
    ).first()


def review_queue(user):
    """Task states awaiting this user's decision (待我审查): reviewers see the review step,
    heads their departments' sign-offs; nobody sees what they submitted themselves."""
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
    )
    wanted = Q(pk__in=[])
    if is_reviewer(user):
        wanted |= Q(task__in=ConfidentialityReviewTask.objects.all())
    headed = list(DepartmentHead.objects.filter(user=user).values_list("department_id", flat=True))
    head_pages = Q(pk__in=[])
    if headed:
        head_pages = _pages_of_departments(headed)
    if has_role(user, Role.OFFICE):
        unheaded = DepartmentHead.objects.values_list("department_id", flat=True)
        head_pages |= ~_pages_of_departments(unheaded)
    wanted |= Q(task__in=DepartmentHeadTask.objects.all()) & head_pages
    return (
        states.filter(wanted)
        .exclude(workflow_state__requested_by=user)
        .exclude(revision__user=user)
        .select_related("workflow_state", "revision", "task")
        .order_by("started_at", "pk")
    )


def _pages_of_departments(department_ids):
    pages = DisclosurePage.objects.filter(publishing_department_id__in=department_ids)
    # Workflow states keep object ids as text (PostgreSQL will not compare text to integer).
    ids = pages.annotate(text_id=Cast("pk", CharField())).values("text_id")
    return Q(workflow_state__object_id__in=ids)


def review_queue_count(user) -> int:
    return review_queue(user).count()


def current_task_state(page):
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state.current_task_state


def revision_passed_review(revision, workflow_state=None) -> bool:
    """Has this exact revision been approved by a confidentiality reviewer (optionally in
    one given workflow)?"""
    records = ReviewRecord.objects.filter(
        revision=revision, step=Step.CONFIDENTIALITY, decision=Decision.APPROVED
    )
    if workflow_state is not None:
        records = records.filter(task_state__workflow_state=workflow_state)
    return records.exists()


def revision_cleared_for_publishing(revision) -> bool:
    """May this revision go live? Only when a confidentiality reviewer approved it and the
    whole workflow it was approved in has finished (a pending head sign-off blocks), and
    that workflow began after the disclosure was last withdrawn: a withdrawn disclosure
    comes back only through a new review, never by republishing what was taken down."""
    if revision is None:
        return False
    approvals = ReviewRecord.objects.filter(
        revision=revision,
        step=Step.CONFIDENTIALITY,
        decision=Decision.APPROVED,
        task_state__workflow_state__status=WorkflowState.STATUS_APPROVED,
    )
    withdrawn_at = (
        Withdrawal.objects.filter(page_id=revision.object_id)
        .order_by("-withdrawn_at")
        .values_list("withdrawn_at", flat=True)
        .first()
    )
    if withdrawn_at is not None:
        approvals = approvals.filter(task_state__workflow_state__created_at__gt=withdrawn_at)
    return approvals.exists()


def scan_report_for(revision):
    return ScanReport.objects.filter(revision=revision).prefetch_related("attachments").first()


def ocr_text_for(document) -> str:
    """What OCR read in this stored file (the latest scan of it), for the search index."""

    source = f"{document.file.name}:{document.file_hash}"[:300]
    scan = (
        AttachmentScan.objects.filter(
            document=document, method=ScanMethod.OCR, source=source, scanned_at__isnull=False
        )
        .exclude(ocr_text="")
        .order_by("-scanned_at", "-pk")
        .values_list("ocr_text", flat=True)
        .first()
    )
    return scan or ""


def records_for_page(page):
    return ReviewRecord.objects.filter(page=page).select_related("reviewer", "submitted_by")


def withdrawals_for_page(page):
    return Withdrawal.objects.filter(page=page).select_related("withdrawn_by")


class Status:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"

    LABELS = {
        DRAFT: _("草稿"),
        IN_REVIEW: _("审查中"),
        REJECTED: _("被退回"),
        SCHEDULED: _("已排期"),
        PUBLISHED: _("已发布"),
        WITHDRAWN: _("已撤回"),
    }


def disclosure_status(page) -> str:
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Status.IN_REVIEW
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Status.REJECTED
    if page.live:
        return Status.PUBLISHED
    if page.revisions.filter(approved_go_live_at__isnull=False).exists():
        return Status.SCHEDULED
    if page.first_published_at and Withdrawal.objects.filter(page=page).exists():
        return Status.WITHDRAWN
    return Status.DRAFT


def disclosures_for_editor(user, status: str | None = None):
    """The disclosures an editor answers for (their department's; all for the office),
    optionally narrowed to one status: "my drafts", "rejected", "scheduled"…"""
    from wagtail.models import Revision

    pages = DisclosurePage.objects.select_related("publishing_department", "catalogue_item")
    if not is_office(user):
        department = user_department(user)
        pages = pages.filter(publishing_department=department) if department else pages.none()
    states = WorkflowState.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))
    active = states.filter(status=WorkflowState.STATUS_IN_PROGRESS).values("object_id")
    rejected = states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).values("object_id")
    scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False).values(
        "object_id"
    )
    withdrawn = Withdrawal.objects.values("page_id")
    filters = {
        Status.IN_REVIEW: Q(pk__in=_ids(active)),
        Status.REJECTED: Q(pk__in=_ids(rejected)),
        Status.SCHEDULED: Q(live=False, pk__in=_ids(scheduled)),
        Status.PUBLISHED: Q(live=True),
        Status.WITHDRAWN: Q(live=False, pk__in=withdrawn),
        Status.DRAFT: Q(live=False, first_published_at__isnull=True)
        & ~Q(pk__in=_ids(active))
        & ~Q(pk__in=_ids(rejected))
        & ~Q(pk__in=_ids(scheduled)),
    }
    if status in filters:
        pages = pages.filter(filters[status])
        if status == Status.DRAFT and not is_office(user):
            pages = pages.filter(owner=user)
    return pages.order_by("-latest_revision_created_at", "-pk")


def _ids(values_queryset):
    """Workflow states and revisions store object ids as text; compare as integers."""
    return [int(value) for value in values_queryset.values_list("object_id", flat=True)]


def unread_notices(user):
    return Notice.objects.filter(recipient=user, read_at__isnull=True)


def audit_entries(page=None):
    """Every logged transition of disclosures (who, when, what, comment), newest first."""

    entries = PageLogEntry.objects.select_related("user", "revision").order_by("-timestamp", "-pk")
    if page is not None:
        return entries.filter(page_id=page.pk)
    return entries.filter(
        content_type=ContentType.objects.get_for_model(DisclosurePage)
    ).select_related("page")


@dataclass(frozen=True)
class ReviewFigures:
    reviews: int
    approved: int
    rejected: int
    withdrawals: int

    def as_dict(self) -> dict:
        return asdict(self)


def review_figures(start: datetime.date, end: datetime.date) -> ReviewFigures:
    """Confidentiality reviews done, approved and rejected, and withdrawals, in a date range
    (both ends included, local dates) — the annual report's figures."""
    records = ReviewRecord.objects.filter(
        step=Step.CONFIDENTIALITY, decided_at__date__gte=start, decided_at__date__lte=end
    )
    approved = records.filter(decision=Decision.APPROVED).count()
    rejected = records.filter(decision=Decision.REJECTED).count()
    withdrawals = Withdrawal.objects.filter(
        withdrawn_at__date__gte=start, withdrawn_at__date__lte=end
    ).count()
    return ReviewFigures(
        reviews=approved + rejected, approved=approved, rejected=rejected, withdrawals=withdrawals
    )
