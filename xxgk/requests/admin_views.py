"""Staff side, inside the Wagtail admin: case list, case detail with actions, statistics."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from xxgk.cases.views import CaseAction, ExportLink, action_panels, listing_query, perform_action
from xxgk.core.pagination import paginate_or_404
from xxgk.core.spreadsheets import xlsx_response
from xxgk.orgs.policy import Action
from xxgk.security.personal_data import export_response, log_reveal

from . import deadlines, fees, services, stats
from .forms import (
    AnswerForm,
    AppealDecisionForm,
    AppealForm,
    AssignForm,
    ConsultationForm,
    CorrectionForm,
    EndConsultationForm,
    ExtensionForm,
    FeeForm,
    NoteForm,
    PaymentForm,
    ReceiveCorrectionForm,
    StaffApplicationForm,
    WaiverForm,
    WithdrawForm,
)
from .models import (
    EVENT_LABELS,
    Application,
    AttachmentKind,
    Channel,
    FeePolicy,
    Letter,
    PauseKind,
    Status,
)
from .policy import request_policy
from .selectors import application_list, due_soon_limit
from .views import file_response, letter_response

PER_PAGE = 30


def _may(request, action, application=None) -> bool:
    return request_policy.allows(request.user, action, application)


def _case(request, pk) -> Application:
    application = get_object_or_404(Application.objects.select_related("handler"), pk=pk)
    request_policy.require(request.user, Action.VIEW, application)
    return application


def _filtered(request):
    params = {k: request.GET.get(k, "").strip() for k in ("status", "flag", "channel", "q")}
    queryset = application_list(
        request.user,
        status=params["status"],
        flag=params["flag"],
        channel=params["channel"],
        query=params["q"],
    )
    return params, queryset


def index(request):
    request_policy.require(request.user, Action.VIEW)
    params, queryset = _filtered(request)
    page = paginate_or_404(request, queryset, PER_PAGE)
    return render(
        request,
        "requests/admin/index.html",
        {
            "page_title": _("依申请公开"),
            "header_icon": "mail",
            "cases": page,
            "params": params,
            "statuses": Status.choices,
            "channels": Channel.choices,
            "today": timezone.localdate(),
            "soon": due_soon_limit(),
            "can_register": _may(request, Action.EDIT),
            "export": _may(request, Action.EXPORT)
            and ExportLink(
                f"{reverse('requests_admin:export')}?{listing_query(request)}",
                _("导出登记台账"),
                _("含申请人个人信息，导出将被记录"),
            ),
        },
    )


EXPORT_COLUMNS = [
    ("number", gettext_lazy("申请编号")),
    ("received_on", gettext_lazy("收到日期")),
    ("get_channel_display", gettext_lazy("渠道")),
    ("get_applicant_type_display", gettext_lazy("申请人类型")),
    ("name", gettext_lazy("姓名或名称")),
    ("contact_person", gettext_lazy("联系人")),
    ("get_id_type_display", gettext_lazy("证件类型")),
    ("id_number", gettext_lazy("证件号码")),
    ("phone", gettext_lazy("联系电话")),
    ("email", gettext_lazy("电子邮箱")),
    ("address", gettext_lazy("通信地址")),
    ("get_status_display", gettext_lazy("状态")),
    ("due_date", gettext_lazy("答复期限")),
    ("closed_on", gettext_lazy("办结日期")),
]


def export(request):
    """The case register (登记台账) with the applicants' details: the office only, logged."""
    request_policy.require(request.user, Action.EXPORT)
    _params, queryset = _filtered(request)

    def value(application, attribute):
        found = getattr(application, attribute)
        return found() if callable(found) else found

    return export_response(
        request,
        what="依申请公开登记台账",
        filename=f"ysq-register-{timezone.localdate():%Y%m%d}.xlsx",
        headers=[str(label) for _name, label in EXPORT_COLUMNS],
        rows=([value(a, name) for name, _label in EXPORT_COLUMNS] for a in queryset),
    )


def register(request):
    request_policy.require(request.user, Action.EDIT)
    form = StaffApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        application, code = services.create_application(
            data=form.application_data(),
            files=form.cleaned_data["attachments"],
            channel=form.cleaned_data["channel"],
            received_on=form.cleaned_data["received_on"],
            actor=request.user,
        )
        messages.success(
            request,
            _("已登记申请 %(number)s。查询码：%(code)s（只显示这一次，请随受理回执告知申请人）。")
            % {"number": application.number, "code": code},
        )
        return redirect("requests_admin:detail", application.pk)
    return render(
        request,
        "requests/admin/register.html",
        {"page_title": _("登记信息公开申请"), "header_icon": "plus", "form": form},
    )


def _action_forms(request, application) -> dict:
    """The forms for the steps the case's current state allows and this user may take."""
    if not _may(request, Action.HANDLE, application):
        return {}
    office = _may(request, Action.EDIT, application)
    available = {
        name
        for name, (sources, _target) in services.TRANSITIONS.items()
        if application.status in sources
        and name not in ("lapse_correction", "fee")
        and (office or name not in OFFICE_ONLY)
    }
    return {name: ACTIONS[name].form() for name in ACTIONS if name in available}


def _panels(application, forms: dict) -> list:
    """The panels of the steps with a form (None: not offered now)."""
    offered = {name: form for name, form in forms.items() if form is not None}
    return action_panels(application, offered, ACTIONS, "requests_admin:action")


def detail(request, pk):
    application = _case(request, pk)
    show_personal = _may(request, Action.READ_PERSONAL_DATA, application)
    may_handle = _may(request, Action.HANDLE, application)
    if show_personal and not application.personal_data_erased_on:
        log_reveal(request, application, "查看申请详情")
    notice = deadlines.correction_notice(application)
    context = {
        "page_title": _("信息公开申请 %(number)s") % {"number": application.number},
        "header_icon": "mail",
        "application": application,
        "clock": deadlines.compute(application),
        "show_personal": show_personal,
        "events": application.events.select_related("actor"),
        "letters": application.letters.all(),
        "attachments": application.attachments.all(),
        "pauses": application.pauses.filter(kind=PauseKind.CONSULTATION),
        "fee_periods": application.pauses.filter(kind=PauseKind.FEE),
        "fees": application.fees.all(),
        "appeals": application.appeals.all(),
        "panels": _panels(application, _action_forms(request, application)),
        "may_handle": may_handle,
        "correction_notice": notice,
        # The limit matters until the case is examined, and stays on record once a notice went.
        "show_correction_notice": bool(notice.sent_on)
        or application.status in (Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS),
        **_fee_context(application, may_handle),
        "appeal_form": AppealForm() if may_handle and application.closed_on else None,
        "decision_form": AppealDecisionForm(),
        "waiver_form": WaiverForm(),
        "payment_form": PaymentForm(initial={"paid_on": timezone.localdate()}),
    }
    # The fee and appeal steps have their panels in the sections about fees and appeals.
    extra = _panels(application, {"fee": context["fee_form"], "appeal": context["appeal_form"]})
    context.update({f"{panel.name}_panel": panel for panel in extra})
    return render(request, "requests/admin/detail.html", context)


def _fee_context(application, may_handle: bool) -> dict:
    """The policy, and for the processing fee what this applicant's count in the month costs
    (the same calculation as the fee notice and ``manage.py request_fee``)."""
    standard = fees.standard()
    context = {"fee_policy": standard.policy, "fee_policy_label": standard.get_policy_display()}
    allowed = may_handle and application.status in services.TRANSITIONS["fee"][0]
    context["fee_form"] = FeeForm() if allowed and standard.policy != FeePolicy.NONE else None
    if standard.policy in (FeePolicy.GOV_2020, FeePolicy.SCHOOL) and context["fee_form"]:
        nth = services.applications_in_month(application)
        try:
            context["count_quote"] = fees.quote(
                method="by_count", applications=nth, fee_standard=standard
            )
        except ValidationError as error:
            context["count_quote_error"] = _error_text(error)
    return context


def _quote(application, data) -> fees.Quote:
    # The quote's working goes onto the fee notice, a statutory letter: in Chinese.
    with translation.override("zh-hans"):
        return fees.quote(
            method=data["method"],
            pages=data["pages"],
            applications=services.applications_in_month(application),
            mailed=data["mailed"],
        )


def _step(form, perform, title, success, **options) -> CaseAction:
    """A handling step whose service call reads the validated form's fields."""
    return CaseAction(
        form,
        lambda application, user, bound: perform(application, user, bound.cleaned_data),
        title,
        success=success,
        **options,
    )


def _done(event: str):
    """The message once a step is taken, named as the timeline names it ("受理：已完成。")."""
    return lazy(lambda: _("%(action)s：已完成。") % {"action": EVENT_LABELS[event]}, str)()


ACTIONS = {
    "accept": _step(
        NoteForm,
        lambda a, u, d: services.accept(a, actor=u, note=d["note"]),
        gettext_lazy("受理并发出回执"),
        _done("accept"),
        expanded=True,
    ),
    "request_correction": _step(
        CorrectionForm,
        lambda a, u, d: services.request_correction(a, actor=u, items=d["items"], due=d["due"]),
        gettext_lazy("告知补正"),
        _done("request_correction"),
    ),
    "receive_correction": _step(
        ReceiveCorrectionForm,
        lambda a, u, d: services.receive_correction(
            a, actor=u, received_on=d["received_on"], note=d["note"]
        ),
        gettext_lazy("登记收到补正材料"),
        _done("receive_correction"),
        expanded=True,
    ),
    "assign": _step(
        AssignForm,
        lambda a, u, d: services.assign(
            a, actor=u, handler=d["handler"], department=d["department"]
        ),
        gettext_lazy("指定承办人"),
        _done("assign"),
    ),
    "start_consultation": _step(
        ConsultationForm,
        lambda a, u, d: services.start_consultation(
            a, actor=u, third_party=d["third_party"], matter=d["matter"]
        ),
        gettext_lazy("征求第三方意见"),
        _done("start_consultation"),
    ),
    "end_consultation": _step(
        EndConsultationForm,
        lambda a, u, d: services.end_consultation(
            a, actor=u, opinion=d["opinion"], ended_on=d["ended_on"]
        ),
        gettext_lazy("登记第三方意见"),
        _done("end_consultation"),
        expanded=True,
    ),
    "extend": _step(
        ExtensionForm,
        lambda a, u, d: services.extend(
            a, actor=u, approved_by=d["approved_by"], days=d["days"], reason=d["reason"]
        ),
        gettext_lazy("延期答复"),
        _done("extend"),
    ),
    "answer": _step(
        AnswerForm,
        lambda a, u, d: services.answer(
            a,
            actor=u,
            outcome=d["outcome"],
            reply_text=d["reply_text"],
            reason=d["reason"],
            released=d["released"],
        ),
        gettext_lazy("答复"),
        _done("answer"),
    ),
    "withdraw": _step(
        WithdrawForm,
        lambda a, u, d: services.withdraw(a, actor=u, note=d["note"]),
        gettext_lazy("申请人撤回"),
        _done("withdraw"),
        secondary=True,
    ),
    "archive": _step(
        NoteForm,
        lambda a, u, d: services.archive(a, actor=u, note=d["note"]),
        gettext_lazy("归档"),
        _done("archive"),
        expanded=True,
    ),
    "fee": _step(
        FeeForm,
        lambda a, u, d: services.assess_fees(a, actor=u, quote=_quote(a, d), on=d["on"]),
        gettext_lazy("核定费用并发出收费通知"),
        _done("fee"),
    ),
    "waive": _step(
        WaiverForm,
        lambda a, u, d: services.waive_fee(
            get_object_or_404(a.fees, pk=d["fee"]), actor=u, amount=d["amount"], reason=d["reason"]
        ),
        gettext_lazy("减免"),
        _done("fee_waived"),
    ),
    "pay": _step(
        PaymentForm,
        lambda a, u, d: services.record_payment(
            get_object_or_404(a.fees, pk=d["fee"]), actor=u, paid_on=d["paid_on"]
        ),
        gettext_lazy("登记缴费"),
        _done("fee_paid"),
    ),
    "appeal": _step(
        AppealForm,
        lambda a, u, d: services.record_appeal(
            a, actor=u, kind=d["kind"], filed_on=d["filed_on"], note=d["note"]
        ),
        gettext_lazy("登记复议或诉讼"),
        _done("appeal"),
    ),
    "decide_appeal": _step(
        AppealDecisionForm,
        lambda a, u, d: services.decide_appeal(
            get_object_or_404(a.appeals, pk=d["appeal"]),
            actor=u,
            result=d["result"],
            decided_on=d["decided_on"],
        ),
        gettext_lazy("登记结果"),
        _done("appeal_result"),
    ),
}
# Only the office assigns cases; a handler works on the case once it is theirs.
OFFICE_ONLY = {"assign", "withdraw", "archive"}


def _error_text(error: ValidationError) -> str:
    return (
        "；".join(message for messages_ in error.message_dict.values() for message in messages_)
        if hasattr(error, "error_dict")
        else "；".join(error.messages)
    )


@require_POST
def action(request, pk, name):
    application = _case(request, pk)
    if name not in ACTIONS:
        raise Http404
    request_policy.require(request.user, Action.HANDLE, application)
    if name in OFFICE_ONLY:
        request_policy.require(request.user, Action.EDIT, application)
    step = ACTIONS[name]
    form = step.form(request.POST, request.FILES)
    try:
        perform_action(request, application, step, form)
    except PermissionDenied as error:
        messages.error(request, str(error))
    # The case page is shown afresh (its state may have moved on): a refusal goes with it.
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label + '：' if label else ''}{'；'.join(errors)}")
    return redirect("requests_admin:detail", application.pk)


def letter(request, pk, fmt):
    item = get_object_or_404(Letter.objects.select_related("application"), pk=pk)
    application = _case(request, item.application_id)
    if not _may(request, Action.READ_PERSONAL_DATA, application):
        # A letter names and addresses the applicant: a supervisor's read is on record.
        log_reveal(request, application, f"查看告知书 {item}")
    return letter_response(item, fmt)


def attachment(request, pk, file_pk):
    application = _case(request, pk)
    item = get_object_or_404(application.attachments, pk=file_pk)
    if item.kind == AttachmentKind.APPLICANT:
        request_policy.require(request.user, Action.READ_PERSONAL_DATA, application)
        log_reveal(request, application, f"下载附件 {item.original_name}")
    return file_response(item)


def _period(request) -> stats.Period:
    try:
        start = datetime.date.fromisoformat(request.GET.get("start", ""))
        end = datetime.date.fromisoformat(request.GET.get("end", ""))
    except ValueError:
        return stats.Period.containing(timezone.localdate())
    if end < start:
        raise Http404
    return stats.Period(start, end)


def statistics(request):
    request_policy.require(request.user, Action.VIEW_STATISTICS)
    period = _period(request)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(
            stats.export_xlsx(period), f"ysq-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
        )
    current = stats.Period.containing(timezone.localdate())
    first = current.start.year
    years = [stats.Period.school_year(y) for y in range(first, first - 5, -1)]
    appeal_rows = stats.appeal_table(period)
    return render(
        request,
        "requests/admin/statistics.html",
        {
            "page_title": _("依申请公开统计"),
            "header_icon": "table",
            "period": period,
            "years": years,
            "columns": stats.COLUMNS,
            "table": stats.request_table(period),
            "appeal_kinds": [(k, appeal_rows[k.value]) for k in stats.AppealKind],
            "appeal_results": [*stats.APPEAL_RESULTS, stats.AppealResult.PENDING],
            "fees": stats.fee_summary(period),
            "corrections": stats.correction_summary(period),
            "query": period.query,
        },
    )


def statistics_cases(request):
    """The cases behind one figure (drill-down from the statistics tables), as far as the
    user may open them."""
    request_policy.require(request.user, Action.VIEW_STATISTICS)
    period = _period(request)
    table, column = request.GET.get("table", "requests"), request.GET.get("col", stats.TOTAL)
    if table == "appeals" and request.GET.get("kind") in stats.AppealKind.values:
        kind = stats.AppealKind(request.GET["kind"])
        result = dict(stats.AppealResult.choices).get(column, _("总计"))
        title = _("%(kind)s（%(result)s）") % {"kind": kind.label, "result": result}
        applications = [a.application for a in stats.appeal_cases(period, kind, column)]
    elif table == "fees":
        waived = column == "waived"
        title = _("依申请公开减免费用") if waived else _("依申请公开收费")
        applications = [f.application for f in stats.fee_cases(period, waived=waived)]
    elif table == "corrections":
        late = column == "late"
        title = _("补正告知晚于期限的申请") if late else _("发出补正告知的申请")
        applications = stats.correction_cases(period, late=late)
    elif request.GET.get("code") in stats.ROWS_BY_CODE and column in dict(stats.COLUMNS):
        row = stats.ROWS_BY_CODE[request.GET["code"]]
        title = _("%(code)s %(row)s（%(column)s）") % {
            "code": row.shown_code,
            "row": row.label,
            "column": dict(stats.COLUMNS)[column],
        }
        applications = stats.cases(period, row.code, column)
    else:
        raise Http404
    return render(
        request,
        "requests/admin/statistics_cases.html",
        {
            "page_title": title,
            "header_icon": "table",
            "period": period,
            "applications": [a for a in applications if _may(request, Action.VIEW, a)],
            "back": f"{reverse('requests_admin:statistics')}?{period.query}",
        },
    )
