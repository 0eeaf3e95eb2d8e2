"""Back-office views: the dashboard, department pages, exports, records. Thin: the work is
in selectors and services; these check who may look and pick the period."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from xxgk.core.admin_denied import refusal
from xxgk.core.spreadsheets import xlsx_response
from xxgk.orgs.models import Department
from xxgk.orgs.policy import Action

from . import exports, selectors, services
from .charts import matrix_rows_html, trend_rows
from .forms import CancelPendingForm, HandlingForm, PendingInformationForm, period_from_request
from .models import PendingInformation
from .obligations import Status
from .policy import supervision_policy

# The dashboard lists the oldest lapses; the rest are on the department pages and in the export.
DASHBOARD_LIST_LIMIT = 100
EMPTY_LEGEND = [(status, None) for status in Status]


def _may(request, action, obj=None) -> bool:
    return supervision_policy.allows(request.user, action, obj)


def _refuse(request, reason):
    return refusal(request, reason)


def _period_or_error(request, template, context):
    """The requested period, or a 400 page that says in Chinese what is wrong with it."""
    today = timezone.localdate()
    form, period = period_from_request(request, today)
    context.update(period_form=form, period=period, today=today)
    if period is None:
        return None, TemplateResponse(request, template, context, status=400)
    return period, None


def dashboard(request):
    if not _may(request, Action.VIEW_STATISTICS):
        return _refuse(request, supervision_policy.refusal(Action.VIEW_STATISTICS))
    context = {"legend": EMPTY_LEGEND, "can_manage": _may(request, Action.HANDLE)}
    period, error = _period_or_error(request, "supervision/dashboard.html", context)
    if error:
        return error
    data = selectors.dashboard_data(period, today=context["today"])
    failing = data["failing"]
    query = request.GET.urlencode()
    context.update(
        data,
        matrix_rows=matrix_rows_html(data["matrix"], query),
        legend=list(data["counts"].items()),
        failing_shown=failing[:DASHBOARD_LIST_LIMIT],
        failing_hidden=max(len(failing) - DASHBOARD_LIST_LIMIT, 0),
        trend=trend_rows(data["trend"], data["departments"]),
        rectifications=selectors.overdue_rectifications(today=context["today"]),
        figures=selectors.action_figures(period),
        query=query,
    )
    return TemplateResponse(request, "supervision/dashboard.html", context)


def department_detail(request, code):
    department = get_object_or_404(Department, code=code)
    if not _may(request, Action.VIEW, department):
        return _refuse(request, supervision_policy.refusal(Action.VIEW))
    context = {
        "department": department,
        "legend": EMPTY_LEGEND,
        "can_manage": _may(request, Action.HANDLE, department),
        "can_record": _may(request, Action.EDIT),
        "handling_form": HandlingForm(),
    }
    period, error = _period_or_error(request, "supervision/department.html", context)
    if error:
        return error
    result = selectors.obligation_set(period, today=context["today"], department=department)
    trend = selectors.monthly_trend(period, [department])
    by_record = {o.pending_id: o for o in result.obligations if o.pending_id}
    pending_records = list(selectors.pending_records_of(department)[:50])
    for record in pending_records:
        record.obligation = by_record.get(record.pk)
    context.update(
        result=result,
        legend=list(result.status_counts().items()),
        trend=trend_rows(trend, [department])[0]["chart"],
        pending_records=pending_records,
        actions=selectors.actions_of(department),
        inspections=selectors.inspections_of(department),
        rectifications=selectors.overdue_rectifications(
            today=context["today"], department=department
        ),
        query=request.GET.urlencode(),
    )
    return TemplateResponse(request, "supervision/department.html", context)


def _export(request, build, filename, *, detail=False):
    if not _may(request, Action.EXPORT):
        return _refuse(request, supervision_policy.refusal(Action.EXPORT))
    today = timezone.localdate()
    form, period = period_from_request(request, today)
    if period is None:
        errors = "；".join(e for errs in form.errors.values() for e in errs)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    result = selectors.obligation_set(period, today=today, detail=detail)
    stamp = f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    return xlsx_response(build(result, today), f"{filename}-{stamp}.xlsx")


def export_matrix(request):
    return _export(
        request,
        lambda result, today: exports.matrix_workbook(result, selectors.compliance_matrix(result)),
        "compliance-matrix",
        detail=True,  # the workbook lists every obligation, not just the open ones
    )


def export_overdue(request):
    return _export(
        request,
        lambda result, today: exports.overdue_workbook(
            result, selectors.overdue_rectifications(today=today)
        ),
        "overdue",
    )


def pending_create(request):
    if not _may(request, Action.EDIT):
        return _refuse(request, supervision_policy.refusal(Action.EDIT))
    form = PendingInformationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.record_pending(
                user=request.user,
                item=form.cleaned_data["item"],
                title=form.cleaned_data["title"],
                formed_on=form.cleaned_data["formed_on"],
                department=form.cleaned_data.get("department"),
            )
        except PermissionDenied as denied:
            return _refuse(request, str(denied))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("已登记“%(title)s”，请在期限内公开。") % {"title": record.title}
            )
            return redirect("supervision:department", code=record.department.code)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "supervision/pending_form.html", {"form": form}, status=status)


@require_POST
def pending_cancel(request, pk):
    record = get_object_or_404(PendingInformation.objects.select_related("department"), pk=pk)
    form = CancelPendingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写撤销原因。"))
    else:
        try:
            services.cancel_pending(record, user=request.user, reason=form.cleaned_data["reason"])
        except PermissionDenied as denied:
            return _refuse(request, str(denied))
        messages.success(request, _("已撤销登记“%(title)s”。") % {"title": record.title})
    return redirect("supervision:department", code=record.department.code)


@require_POST
def handling_create(request, code):
    department = get_object_or_404(Department, code=code)
    if not _may(request, Action.HANDLE, department):
        return _refuse(request, supervision_policy.refusal(Action.HANDLE))
    form = HandlingForm(request.POST)
    if form.is_valid():
        services.record_handling(
            user=request.user, department=department, note=form.cleaned_data["note"]
        )
        messages.success(request, _("已记录处理情况。"))
    else:
        messages.error(request, _("请填写处理情况。"))
    return redirect("supervision:department", code=code)


@require_POST
def notices_read(request):
    ids = [value for value in request.POST.getlist("notice") if value.isdigit()]
    services.mark_notices_read(request.user, ids)
    return redirect("wagtailadmin_home")
