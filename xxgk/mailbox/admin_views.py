"""Back-office handling of letters inside the Wagtail admin, and the statistics."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from xxgk.cases.views import (
    CaseAction,
    ExportLink,
    action_panels,
    listing_query,
    perform_action,
    personal_data_shown,
)
from xxgk.core.forms import StatsForm
from xxgk.core.pagination import paginate_or_404
from xxgk.core.spreadsheets import xlsx_response
from xxgk.orgs.policy import Action
from xxgk.security.personal_data import export_response, log_reveal

from . import services
from .export import STATISTICS_COLUMNS, statistics_workbook
from .forms import (
    AnswerForm,
    AssignForm,
    CloseForm,
    MergeForm,
    PublishForm,
    ReturnForm,
)
from .models import LetterAttachment, LetterStatus, Mailbox
from .policy import letter_policy
from .selectors import is_overdue, letter_statistics, letters_for_user

LETTERS_PER_PAGE = 30

ACTIONS = {
    "assign": CaseAction(
        AssignForm,
        lambda letter, user, form: services.assign_letter(
            letter,
            user=user,
            department=form.cleaned_data["department"],
            working_days=form.cleaned_data["working_days"],
            note=form.cleaned_data["note"],
            handler=form.cleaned_data["handler"],
        ),
        title=_("分办"),
        success=_("已分办。"),
    ),
    "merge": CaseAction(
        MergeForm,
        lambda letter, user, form: services.merge_letter(
            letter, user=user, target=form.target, note=form.cleaned_data["note"]
        ),
        title=_("合并重复来信"),
        button=_("合并"),
        success=_("已合并为重复来信。"),
    ),
    "close": CaseAction(
        CloseForm,
        lambda letter, user, form: services.close_as_spam(
            letter, user=user, reason=form.cleaned_data["reason"]
        ),
        title=_("作为无效来信关闭"),
        button=_("关闭"),
        success=_("已关闭。"),
        secondary=True,
    ),
    "draft": CaseAction(
        AnswerForm,
        lambda letter, user, form: services.draft_answer(
            letter, user=user, answer=form.cleaned_data["answer"]
        ),
        title=_("答复稿"),
        button=_("提交答复稿"),
        success=_("答复稿已提交，等待信息公开办公室审核。"),
    ),
    "approve": CaseAction(
        AnswerForm,
        lambda letter, user, form: services.approve_answer(
            letter, user=user, answer=form.cleaned_data["answer"]
        ),
        title=_("审核答复"),
        button=_("审核通过并答复"),
        success=_("答复已审核通过，来信人可查询答复。"),
    ),
    "return": CaseAction(
        ReturnForm,
        lambda letter, user, form: services.return_draft(
            letter, user=user, note=form.cleaned_data["note"]
        ),
        title=_("退回修改"),
        button=_("退回"),
        success=_("已退回承办部门修改。"),
        secondary=True,
    ),
    "publish": CaseAction(
        PublishForm,
        lambda letter, user, form: services.publish_letter(
            letter,
            user=user,
            public_subject=form.cleaned_data["public_subject"],
            public_message=form.cleaned_data["public_message"],
            public_answer=form.cleaned_data["public_answer"],
        ),
        title=_("网上公开（来信人已同意）"),
        button=_("公开"),
        success=_("已在网站公开。"),
    ),
    "unpublish": CaseAction(
        CloseForm,
        lambda letter, user, form: services.unpublish_letter(
            letter, user=user, reason=form.cleaned_data["reason"]
        ),
        title=_("撤销公开"),
        success=_("已撤销公开。"),
        secondary=True,
    ),
}


def _steps(letter) -> dict:
    """The steps with their names for this letter: assigning an assigned letter transfers it."""
    if letter.status == LetterStatus.ASSIGNED:
        return {**ACTIONS, "assign": ACTIONS["assign"].retitled(_("转办"))}
    return ACTIONS


def _require_mailbox_staff(user):
    letter_policy.require(user, Action.VIEW)


def available_actions(user, letter) -> list[str]:
    """The handling steps this user may take on this letter now."""
    office = letter_policy.allows(user, Action.HANDLE, letter)
    status = letter.status
    actions = []
    if office and status in (LetterStatus.RECEIVED, LetterStatus.ASSIGNED):
        actions += ["assign", "merge", "close"]
    if letter_policy.allows(user, Action.EDIT, letter):
        actions.append("draft")
    if office and status == LetterStatus.DRAFTED:
        actions += ["approve", "return"]
    if office and letter.is_published:
        actions.append("unpublish")
    elif office and services.can_publish(letter):
        actions.append("publish")
    return actions


def _initial_forms(letter, actions):
    mailbox = letter.mailbox
    initial = {
        "assign": {
            "department": letter.department or mailbox.default_department,
            "working_days": mailbox.answer_working_days,
        },
        "draft": {"answer": letter.answer},
        "approve": {"answer": letter.answer},
        "publish": {
            "public_subject": letter.public_subject or letter.subject,
            "public_message": letter.public_message or letter.message,
            "public_answer": letter.public_answer or letter.answer,
        },
    }
    return {
        name: ACTIONS[name].form(letter=letter, initial=initial.get(name), prefix=name)
        for name in actions
    }


def _filtered_letters(request):
    letters = letters_for_user(request.user)
    params = request.GET
    if params.get("status") in LetterStatus.values:
        letters = letters.filter(status=params["status"])
    if params.get("mailbox", "").isdigit():
        letters = letters.filter(mailbox_id=params["mailbox"])
    if params.get("overdue"):
        letters = letters.filter(
            status__in=[LetterStatus.ASSIGNED, LetterStatus.DRAFTED],
            due_date__lt=timezone.localdate(),
        )
    if params.get("flagged"):
        letters = letters.exclude(flagged_words="")
    query = params.get("q", "").strip()[:50]
    if query:
        letters = letters.filter(Q(number__icontains=query) | Q(subject__icontains=query))
    return letters


def index(request):
    _require_mailbox_staff(request.user)
    params = request.GET
    page = paginate_or_404(request, _filtered_letters(request), LETTERS_PER_PAGE)
    query = listing_query(request)
    today = timezone.localdate()
    for letter in page:
        letter.overdue = is_overdue(letter, today)
    return render(
        request,
        "mailbox/admin/letter_list.html",
        {
            "page_title": _("来信办理"),
            "header_icon": "mail",
            "cases": page,
            "statuses": LetterStatus.choices,
            "mailboxes": [(str(m.pk), m.name) for m in Mailbox.objects.all()],
            "params": params,
            "can_view_statistics": letter_policy.allows(request.user, Action.VIEW_STATISTICS),
            "export": letter_policy.allows(request.user, Action.EXPORT)
            and ExportLink(
                f"{reverse('mailbox_admin:export')}?{query}",
                _("导出来信登记表"),
                _("含来信人个人信息，导出将被记录"),
            ),
        },
    )


def export(request):
    """Letters with their writers' details, for the office only; every export is logged."""
    letter_policy.require(request.user, Action.EXPORT)
    letters = _filtered_letters(request)
    return export_response(
        request,
        what="来信登记表",
        filename=f"letters-{timezone.localdate():%Y%m%d}.xlsx",
        headers=[
            str(label)
            for label in (
                _("编号"),
                _("信箱"),
                _("来信时间"),
                _("标题"),
                _("来信人"),
                _("联系电话"),
                _("电子邮箱"),
                _("状态"),
            )
        ],
        rows=(
            [
                x.number,
                x.mailbox.name,
                timezone.localtime(x.received_at).strftime("%Y-%m-%d %H:%M"),
                x.subject,
                x.writer_name,
                x.phone,
                x.email,
                x.get_status_display(),
            ]
            for x in letters
        ),
    )


def _detail_response(request, letter, forms=None, status=200):
    contacts = ("writer_name", "phone", "email")
    show_personal = personal_data_shown(request, letter_policy, letter, contacts, "查看来信详情")
    actions = available_actions(request.user, letter)
    all_forms = _initial_forms(letter, actions)
    all_forms.update(forms or {})
    return render(
        request,
        "mailbox/admin/letter_detail.html",
        {
            "page_title": _("来信 %(number)s") % {"number": letter.number},
            "header_icon": "mail",
            "letter": letter,
            "events": letter.events.select_related("actor", "department"),
            "attachments": letter.attachments.all(),
            "duplicates": letter.duplicates.all(),
            "forms": all_forms,
            "panels": action_panels(letter, all_forms, _steps(letter), "mailbox_admin:action"),
            "show_personal": show_personal,
            "overdue": is_overdue(letter),
        },
        status=status,
    )


def detail(request, pk):
    _require_mailbox_staff(request.user)
    letter = get_object_or_404(letters_for_user(request.user), pk=pk)
    return _detail_response(request, letter)


@require_POST
def action(request, pk, action):
    _require_mailbox_staff(request.user)
    letter = get_object_or_404(letters_for_user(request.user), pk=pk)
    if action not in ACTIONS:
        raise PermissionDenied(_("未知的操作。"))
    if action not in available_actions(request.user, letter):
        raise PermissionDenied(_("您不能对该来信执行此操作，或来信状态已变化。"))
    step = ACTIONS[action]
    form = step.form(request.POST, letter=letter, prefix=action)
    if perform_action(request, letter, step, form):
        return redirect("mailbox_admin:letter", pk=letter.pk)
    return _detail_response(request, letter, {action: form}, status=400)


def attachment(request, pk):
    _require_mailbox_staff(request.user)
    item = get_object_or_404(
        LetterAttachment.objects.filter(letter__in=letters_for_user(request.user)), pk=pk
    )
    log_reveal(request, item.letter, f"下载附件 {item.original_name}")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)


def statistics(request):
    letter_policy.require(request.user, Action.VIEW_STATISTICS)
    form = StatsForm.for_request(request.GET)
    stats = letter_statistics(**form.cleaned_data) if form.is_valid() else None
    if stats and request.GET.get("format") == "xlsx":
        name = f"letters-{stats['start']:%Y%m%d}-{stats['end']:%Y%m%d}.xlsx"
        return xlsx_response(statistics_workbook(stats), name)
    return render(
        request,
        "mailbox/admin/statistics.html",
        {
            "page_title": _("来信统计"),
            "header_icon": "table",
            "form": form,
            "stats": stats,
            "columns": STATISTICS_COLUMNS,
        },
        status=200 if stats else 400,
    )
