"""Back-office views of the review: the queue, the review page, records, withdrawal, audit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import TaskState

from xxgk.core.admin_denied import refusal
from xxgk.core.pagination import paginate_or_404
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.policy import disclosure_policy
from xxgk.orgs.policy import Action
from xxgk.orgs.roles import Role
from xxgk.orgs.selectors import has_role, is_office

from . import selectors, services
from .documents import record_rows, render_record_docx, render_record_pdf
from .forms import RestoreForm, ReviewDecisionForm, WithdrawalForm
from .models import AttachmentScan, ConfidentialityReviewTask, ReviewRecord, ScanCrop
from .policy import may_read_review_of, may_see_scan_crop, refusal_reason, review_policy

PER_PAGE = 30


def _refused(request, reason):
    return refusal(request, reason)


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def queue(request):
    """待我审查."""
    if not review_policy.allows(request.user, Action.HANDLE):
        return _refused(request, review_policy.refusal(Action.HANDLE))
    states = selectors.review_queue(request.user)
    page_ids = [int(s.workflow_state.object_id) for s in states]
    pages = DisclosurePage.objects.select_related("publishing_department").in_bulk(page_ids)
    rows = [
        {
            "state": state,
            "page": pages.get(int(state.workflow_state.object_id)),
            "scan": selectors.scan_report_for(state.revision),
        }
        for state in states
    ]
    return TemplateResponse(request, "review/queue.html", {"rows": rows})


def decide(request, task_state_id):
    """The review page: the revision as submitted, the scan, and the 保密审查单 form."""
    task_state = get_object_or_404(TaskState, pk=task_state_id).specific
    page = DisclosurePage.objects.filter(pk=task_state.workflow_state.object_id).first()
    if page is None:
        raise Http404
    refusal = refusal_reason(task_state, request.user)
    if refusal and not may_read_review_of(request.user, page):
        return _refused(request, refusal)
    with_checklist = isinstance(task_state.task.specific, ConfidentialityReviewTask)
    form = ReviewDecisionForm(request.POST or None, with_checklist=with_checklist)
    status = 200
    if request.method == "POST":
        if refusal:
            return _refused(request, refusal)
        if form.is_valid():
            try:
                record = services.decide_review(
                    task_state,
                    user=request.user,
                    decision=form.cleaned_data["decision"],
                    opinion=form.cleaned_data.get("opinion", ""),
                    basis=form.cleaned_data.get("basis", ""),
                    checklist=form.checklist(),
                    scan_acknowledged=form.cleaned_data.get("scan_acknowledged", False),
                    pending_checked=form.cleaned_data.get("pending_checked", False),
                )
            except PermissionDenied as exc:
                return _refused(request, str(exc))
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(
                    request,
                    gettext("已完成审查：%(title)s（%(decision)s）。")
                    % {"title": record.title, "decision": record.get_decision_display()},
                )
                return redirect("review:record", record.pk)
        status = 400
    elif not form.is_bound and with_checklist:
        form.initial["basis"] = services.DEFAULT_BASIS
    revision_page = task_state.revision.as_object()
    scan = selectors.scan_report_for(task_state.revision)
    services.keep_scan_going(scan)
    context = {
        "task_state": task_state,
        "page": page,
        "content": revision_page,
        "attachments": list(revision_page.attachments.all()),
        "scan": scan,
        "form": form,
        "refusal": refusal,
        "with_checklist": with_checklist,
    }
    return TemplateResponse(request, "review/decide.html", context, status=status)


def page_history(request, page_id):
    """A disclosure's review history: status, records, scans, withdrawals, every transition."""
    page = get_object_or_404(DisclosurePage, pk=page_id)
    if not may_read_review_of(request.user, page):
        return _refused(request, _("您无权查看该信息的审查记录。"))
    status = selectors.disclosure_status(page)
    scans = (
        page.scan_reports.select_related("revision")
        .prefetch_related("attachments")
        .order_by("-created_at")
    )
    context = {
        "page": page,
        "status": status,
        "status_label": selectors.Status.LABELS[status],
        "current": selectors.current_task_state(page),
        "records": selectors.records_for_page(page),
        "scans": scans,
        "withdrawals": selectors.withdrawals_for_page(page),
        "entries": selectors.audit_entries(page)[:200],
        "can_edit": disclosure_policy.allows(request.user, Action.EDIT, page),
        "can_withdraw": page.live and disclosure_policy.allows(request.user, Action.WITHDRAW, page),
        "can_restore": disclosure_policy.allows(request.user, Action.RESTORE, page),
        "can_redact": disclosure_policy.allows(request.user, Action.EDIT, page),
    }
    return TemplateResponse(request, "review/page_history.html", context)


@require_POST
def redact(request, pk):
    """涂黑副本 of one scanned attachment, as a new revision that goes through review."""
    item = get_object_or_404(AttachmentScan.objects.select_related("report__page"), pk=pk)
    page = item.report.page
    if not disclosure_policy.allows(request.user, Action.EDIT, page):
        return _refused(request, disclosure_policy.refusal(Action.EDIT))
    try:
        document = services.redact_attachment(item, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            gettext("已生成涂黑副本“%(title)s”，作为新版本提交保密审查。")
            % {"title": document.title},
        )
    return redirect("review:page", page.pk)


def scan_crop(request, pk):
    """The image of one OCR hit (it shows the unmasked value): private, never cached."""
    crop = get_object_or_404(ScanCrop.objects.select_related("attachment__report__page"), pk=pk)
    if not may_see_scan_crop(request.user, crop):
        return _refused(request, gettext("您无权查看该信息的扫描结果。"))
    try:
        handle = crop.image.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


def _record_for(request, pk):
    record = get_object_or_404(
        ReviewRecord.objects.select_related("reviewer", "submitted_by", "page"), pk=pk
    )
    if not may_read_review_of(request.user, record.page):
        raise PermissionDenied(_("您无权查看该保密审查单。"))
    return record


def record(request, pk):
    try:
        record = _record_for(request, pk)
    except PermissionDenied as exc:
        return _refused(request, str(exc))

    return TemplateResponse(
        request, "review/record.html", {"record": record, "rows": record_rows(record)}
    )


def _download(request, pk, render, extension, content_type):
    try:
        record = _record_for(request, pk)
    except PermissionDenied as exc:
        return _refused(request, str(exc))
    response = HttpResponse(render(record), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="review-record-{record.pk}.{extension}"'
    )
    return response


def record_pdf(request, pk):
    return _download(request, pk, render_record_pdf, "pdf", "application/pdf")


def record_docx(request, pk):
    return _download(
        request,
        pk,
        render_record_docx,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def _page_action(request, page_id, *, action, form_class, perform, done, template):
    """A form with a reason that takes one policy-checked step on a disclosure (withdraw,
    restore); a refusal leaves the disclosure as it was."""
    page = get_object_or_404(DisclosurePage, pk=page_id)
    if not disclosure_policy.allows(request.user, action, page):
        return _refused(request, disclosure_policy.refusal(action))
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            perform(page, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
            status = 400
        else:
            messages.success(request, done % {"title": page.title})
            return redirect("review:page", page.pk)
    return TemplateResponse(request, template, {"page": page, "form": form}, status=status)


def withdraw(request, page_id):
    return _page_action(
        request,
        page_id,
        action=Action.WITHDRAW,
        form_class=WithdrawalForm,
        perform=services.withdraw_disclosure,
        done=gettext("已撤回：%(title)s。"),
        template="review/withdraw.html",
    )


def restore(request, page_id):
    """重新送审: the office sends a withdrawn disclosure back to the review, with a reason."""
    return _page_action(
        request,
        page_id,
        action=Action.RESTORE,
        form_class=RestoreForm,
        perform=services.restore_disclosure,
        done=gettext("已重新送审：%(title)s，保密审查同意后重新公开。"),
        template="review/restore.html",
    )


def my_disclosures(request):
    """The disclosures an editor answers for, filtered by status (my drafts, rejected…)."""
    if not (has_role(request.user, Role.EDITOR) or is_office(request.user)):
        return _refused(request, _("只有部门信息员和信息公开办公室可以查看此列表。"))
    status = request.GET.get("status") or None
    if status not in selectors.Status.LABELS:
        status = None
    pages = paginate_or_404(
        request, selectors.disclosures_for_editor(request.user, status), PER_PAGE
    )
    for page in pages:
        page.review_status = selectors.Status.LABELS[selectors.disclosure_status(page)]
    context = {"pages": pages, "status": status, "statuses": selectors.Status.LABELS.items()}
    return TemplateResponse(request, "review/my_disclosures.html", context)


def audit(request):
    """Every transition of every disclosure, site-wide."""
    if not review_policy.allows(request.user, Action.VIEW):
        return _refused(request, review_policy.refusal(Action.VIEW))
    entries = paginate_or_404(request, selectors.audit_entries(), PER_PAGE)
    return TemplateResponse(request, "review/audit.html", {"entries": entries})


def notices(request):
    items = paginate_or_404(request, request.user.review_notices.all(), PER_PAGE)
    return TemplateResponse(request, "review/notices.html", {"notices": items})


@require_POST
def notices_read(request):
    services.mark_notices_read(request.user)
    return redirect("review:notices")
