"""Writes of the reports app: templates, drafts with history, publishing, deadline notices."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from xxgk.orgs.selectors import is_office

from . import defaults, figures, rendering
from .models import (
    AnnualReportDraft,
    AnnualReportIndexPage,
    AnnualReportPage,
    DraftRevision,
    PeriodKind,
    ReportTemplate,
)

REMIND_DAYS_BEFORE = 30


def ensure_default_templates() -> None:
    """The shipped templates exist (created once; the office's edits are never overwritten)."""
    for data in defaults.TEMPLATES:
        ReportTemplate.objects.get_or_create(name=data["name"], defaults=data)


def _require_office(user):
    if not is_office(user):
        raise PermissionDenied("只有信息公开办公室可以编辑年度报告。")


def clean_sections(sections) -> list[dict]:
    """Keep non-empty sections; every heading present, every text valid."""
    codes = figures.registry().keys()
    cleaned, errors = [], []
    for number, section in enumerate(sections, start=1):
        heading = (section.get("heading") or "").strip()
        text = (section.get("text") or "").replace("\r\n", "\n").strip()
        if not heading and not text:
            continue
        if not heading:
            errors.append(f"第{number}节缺少标题。")
            continue
        try:
            rendering.validate_text(text, codes)
        except ValidationError as exc:
            errors.append(f"第{number}节“{heading}”：{exc.messages[0]}")
        cleaned.append({"heading": heading, "text": text})
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError("报告至少需要一节。")
    return cleaned


@transaction.atomic
def save_template(template: ReportTemplate, *, name, period_kind, title, sections, user):
    _require_office(user)
    rendering.validate_text(title, figures.registry().keys())
    template.name, template.period_kind, template.title = name.strip(), period_kind, title.strip()
    template.sections = clean_sections(sections)
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def generate_draft(template: ReportTemplate, year: int, *, user) -> AnnualReportDraft:
    """A new draft for a year: text from last year's draft of this template when there is one
    (the office's wording carries over; the figures are recomputed), else the template's."""
    _require_office(user)
    rendering.period_for(template.period_kind, year)  # validates the year
    if AnnualReportDraft.objects.filter(template=template, year=year).exists():
        raise ValidationError("该年度已有此模板的报告草稿，请直接编辑。")
    previous = AnnualReportDraft.objects.filter(template=template, year=year - 1).first()
    source = previous or template
    draft = AnnualReportDraft.objects.create(
        template=template,
        year=year,
        title=rendering.ENGINE.from_string(template.title).render(
            rendering.Context(rendering.text_context(template.period_kind, year))
        ),
        sections=source.sections,
    )
    note = f"由{previous.year}年度草稿生成" if previous else "由模板生成"
    DraftRevision.objects.create(
        draft=draft, title=draft.title, sections=draft.sections, note=note, user=user
    )
    return draft


@transaction.atomic
def save_draft(draft: AnnualReportDraft, *, title: str, sections, user, note="编辑"):
    _require_office(user)
    title = title.strip()
    if not title:
        raise ValidationError("请填写报告标题。")
    draft.title = title
    draft.sections = clean_sections(sections)
    draft.save()
    DraftRevision.objects.create(
        draft=draft, title=draft.title, sections=draft.sections, note=note, user=user
    )
    return draft


def restore_revision(draft: AnnualReportDraft, revision: DraftRevision, *, user):
    if revision.draft_id != draft.pk:
        raise ValidationError("该版本不属于此草稿。")
    return save_draft(
        draft,
        title=revision.title,
        sections=revision.sections,
        user=user,
        note=f"恢复至 {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M} 的版本",
    )


def render_draft(draft: AnnualReportDraft, *, linked: bool = True) -> rendering.RenderedReport:
    return rendering.render(
        period_kind=draft.template.period_kind,
        year=draft.year,
        title=draft.title,
        sections=draft.sections,
        draft_id=draft.pk if linked else None,
    )


def due_date(period_kind: str, year: int) -> datetime.date:
    """MoE: by 31 October after the school year; government format: by 31 January (条例第五十条)."""
    if period_kind == PeriodKind.CALENDAR_YEAR:
        return datetime.date(year + 1, 1, 31)
    return datetime.date(year + 1, 10, 31)


@transaction.atomic
def publish_draft(draft: AnnualReportDraft, *, user, today=None) -> AnnualReportPage:
    """Place the report on the portal: the year's AnnualReportPage (created or given a new
    revision) with the text and the PDF attached. Refused while figures are missing."""
    from .exports import report_pdf

    _require_office(user)
    if draft.template.period_kind != PeriodKind.SCHOOL_YEAR:
        raise ValidationError("门户的年度报告栏目按学年发布；自然年报告请导出后另行发布。")
    report = render_draft(draft, linked=False)
    if report.gaps:
        raise ValidationError(f"还有数据待补，不能发布：{'、'.join(report.gaps)}。")
    body = "".join(_section_html(section) for section in report.sections)
    today = today or timezone.localdate()
    Document = get_document_model()
    document = Document(title=report.title, uploaded_by_user=user)
    document.file.save(
        f"annual-report-{draft.year}.pdf",
        ContentFile(report_pdf(report, signed_on=today)),
        save=False,
    )
    document.save()
    page = AnnualReportPage.objects.filter(school_year_start=draft.year).first()
    if page is None:
        page = AnnualReportPage(
            title=report.title, slug=f"{draft.year}-{draft.year + 1}", school_year_start=draft.year
        )
        page.body, page.publication_date, page.document = body, today, document
        AnnualReportIndexPage.objects.get().add_child(instance=page)
    else:
        page = page.specific
        page.title, page.body, page.document = report.title, body, document
        page.publication_date = page.publication_date or today
    page.save_revision(user=user, log_action=True).publish(user=user)
    draft.published_page = page
    draft.save(update_fields=["published_page", "updated_at"])
    return page


def _section_html(section) -> str:
    tags = {"subheading": "h3", "minor": "h4", "body": "p"}
    heading = f"<h2>{escape(section.heading)}</h2>" if section.heading != "前言" else ""
    return heading + "".join(
        f"<{tags[p.kind]}>{escape(p.text)}</{tags[p.kind]}>" for p in section.paragraphs
    )


def deadline_reminders(today=None) -> list[str]:
    """Within 30 days of a report's due date and nothing published yet: tell the office.

    Returns the messages sent (the scheduled command prints them)."""
    from xxgk.requests.selectors import office_users
    from xxgk.review.services import notify

    today = today or timezone.localdate()
    messages = []
    for template in ReportTemplate.objects.all():
        # The report for the period that ended most recently.
        year = today.year - 1
        if template.period_kind == PeriodKind.SCHOOL_YEAR and today.month < 9:
            year -= 1
        due = due_date(template.period_kind, year)
        if not 0 <= (due - today).days <= REMIND_DAYS_BEFORE:
            continue
        draft = AnnualReportDraft.objects.filter(template=template, year=year).first()
        if draft is not None and draft.published_page_id:
            continue
        label = rendering.year_label(template.period_kind, year)
        message = f"{label}“{template.name}”应于{due:%Y年%m月%d日}前发布，尚未发布。"
        notify(office_users(), subject="年度报告即将到期", message=message)
        messages.append(message)
    return messages
