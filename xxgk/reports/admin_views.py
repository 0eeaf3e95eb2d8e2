"""The office's report desk: generate, edit (with history), check every figure, export, publish;
edit templates. The registers the report counts are entered and imported in the registers app,
which links its pages to the desk through the ``xxgk_report_desk_links`` hook."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from xxgk.core.documents import attachment_disposition
from xxgk.core.pagination import paginate_or_404
from xxgk.orgs.policy import Action

from . import exports, registry, services
from .forms import (
    DraftForm,
    GenerateForm,
    SectionFormSet,
    TemplateForm,
    initial_sections,
    ordered_sections,
)
from .models import AnnualReportDraft, ReportTemplate
from .policy import report_policy
from .publishing import report_publisher

ICON = "doc-full"


def _require(request, action):
    report_policy.require(request.user, action)


def _page(request, template, title, status=200, **context):
    context = {
        "page_title": title,
        "header_icon": ICON,
        "can_edit": report_policy.allows(request.user, Action.EDIT),
        "can_submit": report_policy.allows(request.user, Action.SUBMIT),
        **context,
    }
    return render(request, template, context, status=status)


def _errors(request, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)


DESK_LINKS_HOOK = "xxgk_report_desk_links"


def desk_links(request) -> list[tuple[str, str]]:
    """(label, url) of the pages other apps add to the desk (the registers' import and lists):
    each ``xxgk_report_desk_links`` hook returns those the user may open."""
    return [link for hook in hooks.get_hooks(DESK_LINKS_HOOK) for link in hook(request)]


def desk(request):
    _require(request, Action.VIEW)
    services.ensure_default_templates()
    today = timezone.localdate()
    drafts = []
    for draft in AnnualReportDraft.objects.select_related("template", "report_page"):
        state = services.report_state(draft, today=today)
        if state.filed is not None:  # the figures that differ from the filed version
            state.differences = services.differences(services.render_draft(draft), state.filed)
        drafts.append({"draft": draft, "state": state})
    form = GenerateForm(initial={"year": today.year - 1 if today.month >= 9 else today.year - 2})
    return _page(
        request,
        "reports/admin/desk.html",
        _("年度报告"),
        drafts=drafts,
        form=form,
        links=desk_links(request),
        templates=ReportTemplate.objects.all(),
    )


@require_POST
def generate(request):
    _require(request, Action.EDIT)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择模板并填写正确的年份（2000–2100）。"))
        return redirect("reports_admin:desk")
    try:
        draft = services.generate_draft(
            form.cleaned_data["template"], form.cleaned_data["year"], user=request.user
        )
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("reports_admin:desk")
    messages.success(request, _("已生成“%(title)s”草稿。") % {"title": draft.title})
    return redirect("reports_admin:preview", draft.pk)


def _sections_editor(request, *, instance_sections, head_form, save, title, back):
    """Edit a list of sections (add, rename, reorder, delete) for a draft or a template."""
    if request.method == "POST":
        formset = SectionFormSet(request.POST, prefix="sections")
        if head_form.is_valid() and formset.is_valid():
            try:
                save(head_form.cleaned_data, ordered_sections(formset))
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("已保存。"))
                return redirect(back)
    else:
        formset = SectionFormSet(initial=initial_sections(instance_sections), prefix="sections")
    return _page(
        request,
        "reports/admin/sections.html",
        title,
        head_form=head_form,
        formset=formset,
        back=back,
        rows=registry.figures().values(),
    )


def edit_draft(request, pk):
    _require(request, Action.EDIT)
    draft = get_object_or_404(AnnualReportDraft, pk=pk)
    head = DraftForm(request.POST or None, initial={"title": draft.title})
    return _sections_editor(
        request,
        instance_sections=draft.sections,
        head_form=head,
        save=lambda data, sections: services.save_draft(
            draft, title=data["title"], sections=sections, user=request.user
        ),
        title=_("编辑：%(title)s") % {"title": draft.title},
        back=request.path,
    )


def edit_template(request, pk=None):
    _require(request, Action.EDIT)
    template = get_object_or_404(ReportTemplate, pk=pk) if pk else ReportTemplate()
    initial = {
        field: getattr(template, field)
        for field in ("name", "period_kind", "title", "start_month", "start_day")
    }
    head = TemplateForm(request.POST or None, initial=initial)
    return _sections_editor(
        request,
        instance_sections=template.sections,
        head_form=head,
        save=lambda data, sections: services.save_template(
            template, sections=sections, user=request.user, **data
        ),
        title=_("报告模板：%(name)s") % {"name": template.name or _("新建")},
        back=request.path if pk else "reports_admin:desk",
    )


def preview(request, pk):
    _require(request, Action.VIEW)
    draft = get_object_or_404(
        AnnualReportDraft.objects.select_related("template", "report_page"), pk=pk
    )
    report = services.render_draft(draft)
    state = services.report_state(draft, report=report)
    return _page(
        request,
        "reports/admin/preview.html",
        draft.title,
        draft=draft,
        report=report,
        state=state,
        due=state.due,
    )


def drilldown(request, pk, code):
    _require(request, Action.VIEW)
    draft = get_object_or_404(AnnualReportDraft.objects.select_related("template"), pk=pk)
    row = registry.figures().get(code)
    if row is None:
        raise Http404(_("没有这个数据项。"))
    period = draft.template.period(draft.year)
    records = row.records(period)
    return _page(
        request,
        "reports/admin/drilldown.html",
        f"{row.label}：{draft.title}",
        draft=draft,
        row=row,
        value=row.compute(period),
        period=period,
        records=paginate_or_404(request, records, 100),
    )


def revisions(request, pk):
    _require(request, Action.VIEW)
    draft = get_object_or_404(AnnualReportDraft, pk=pk)
    return _page(
        request,
        "reports/admin/revisions.html",
        _("修改历史：%(title)s") % {"title": draft.title},
        draft=draft,
        revisions=draft.revisions.select_related("user"),
    )


@require_POST
def restore(request, pk, revision_pk):
    _require(request, Action.EDIT)
    draft = get_object_or_404(AnnualReportDraft, pk=pk)
    revision = get_object_or_404(draft.revisions, pk=revision_pk)
    services.restore_revision(draft, revision, user=request.user)
    messages.success(request, _("已恢复到所选版本（恢复本身也记入历史）。"))
    return redirect("reports_admin:preview", draft.pk)


EXPORTS = {
    "docx": (
        exports.report_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (exports.report_pdf, "application/pdf"),
}


def export(request, pk, fmt):
    _require(request, Action.EXPORT)
    draft = get_object_or_404(AnnualReportDraft.objects.select_related("template"), pk=pk)
    if fmt not in EXPORTS:
        raise Http404(_("不支持的格式。"))
    build, content_type = EXPORTS[fmt]
    date = services.report_state(draft).date
    data = build(services.render_draft(draft, linked=False), signed_on=date)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(
        services.export_filename(draft, fmt), services.export_filename(draft, fmt, ascii=True)
    )
    return response


@require_POST
def publish(request, pk):
    """发布: the report is filed under catalogue item 6 and goes to the confidentiality review;
    the reviewer's approval publishes it (never this button)."""
    _require(request, Action.SUBMIT)
    draft = get_object_or_404(AnnualReportDraft.objects.select_related("template"), pk=pk)
    try:
        page = report_publisher().submit(draft, user=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("已提交保密审查：“%(title)s”归入清单事项“%(item)s”，审查通过后公开。")
            % {"title": page.title, "item": page.catalogue_item},
        )
    return redirect("reports_admin:preview", draft.pk)


def figure_catalogue(request):
    _require(request, Action.VIEW)
    rows = list(registry.figures().values())
    return _page(request, "reports/admin/figures.html", _("年度报告数据项说明"), rows=rows)
