"""Back-office handling of complaints (office) and read-only access for supervisors."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from xxgk.cases.views import (
    CaseAction,
    action_panels,
    perform_action,
    personal_data_shown,
)
from xxgk.core.forms import StatsForm
from xxgk.core.pagination import paginate_or_404
from xxgk.orgs.policy import Action

from . import services
from .forms import AcceptForm, ConcludeForm, NoteForm, RejectForm
from .models import Complaint, ComplaintStatus
from .policy import complaint_policy
from .selectors import complaint_figures, complaint_sentence

ACTIONS = {
    "accept": CaseAction(
        AcceptForm,
        lambda c, u, f: services.accept_complaint(c, user=u, note=f.cleaned_data["note"]),
        title=_("受理"),
        button=_("保存"),
    ),
    "reject": CaseAction(
        RejectForm,
        lambda c, u, f: services.reject_complaint(c, user=u, reason=f.cleaned_data["reason"]),
        title=_("不予受理"),
        button=_("保存"),
        secondary=True,
    ),
    "note": CaseAction(
        NoteForm,
        lambda c, u, f: services.add_investigation_note(c, user=u, note=f.cleaned_data["note"]),
        title=_("添加调查记录"),
        button=_("保存"),
    ),
    "conclude": CaseAction(
        ConcludeForm,
        lambda c, u, f: services.conclude_complaint(c, user=u, **f.cleaned_data),
        title=_("办结"),
        button=_("保存"),
    ),
}
STATUS_ACTIONS = {
    ComplaintStatus.RECEIVED: ["accept", "reject"],
    ComplaintStatus.INVESTIGATING: ["note", "conclude"],
}


def _require_reader(user):
    complaint_policy.require(user, Action.VIEW)


def index(request):
    _require_reader(request.user)
    complaints = Complaint.objects.select_related("department")
    if request.GET.get("status") in ComplaintStatus.values:
        complaints = complaints.filter(status=request.GET["status"])
    form = StatsForm.for_request(request.GET)
    figures = complaint_figures(**form.cleaned_data) if form.is_valid() else None
    return render(
        request,
        "complaints/admin/list.html",
        {
            "page_title": _("信息公开举报"),
            "header_icon": "warning",
            "cases": paginate_or_404(request, complaints, 30),
            "statuses": ComplaintStatus.choices,
            "current": request.GET.get("status", ""),
            "form": form,
            "figures": figures,
            "sentence": complaint_sentence(figures) if figures else "",
        },
    )


def _detail(request, complaint, bound=None, status=200):
    contacts = ("name", "phone", "email")
    shown = personal_data_shown(request, complaint_policy, complaint, contacts, "查看举报详情")
    may_handle = complaint_policy.allows(request.user, Action.HANDLE, complaint)
    actions = STATUS_ACTIONS.get(complaint.status, []) if may_handle else []
    forms = {name: ACTIONS[name].form(prefix=name) for name in actions}
    forms.update(bound or {})
    panels = action_panels(complaint, forms, ACTIONS, "complaints_admin:action")
    context = {
        "complaint": complaint,
        "forms": forms,
        "panels": panels,
        "show_personal": shown,
        "events": complaint.events.select_related("actor"),
        "page_title": _("举报 %(number)s") % {"number": complaint.number},
        "header_icon": "warning",
    }
    return render(request, "complaints/admin/detail.html", context, status=status)


def detail(request, pk):
    _require_reader(request.user)
    return _detail(request, get_object_or_404(Complaint, pk=pk))


@require_POST
def action(request, pk, action):
    complaint = get_object_or_404(Complaint, pk=pk)
    may_handle = complaint_policy.allows(request.user, Action.HANDLE, complaint)
    if not may_handle or action not in STATUS_ACTIONS.get(complaint.status, []):
        raise PermissionDenied(_("您不能对该举报执行此操作，或举报状态已变化。"))
    step = ACTIONS[action]
    form = step.form(request.POST, prefix=action)
    if perform_action(request, complaint, step, form):
        return redirect("complaints_admin:detail", pk=complaint.pk)
    return _detail(request, complaint, {action: form}, status=400)
