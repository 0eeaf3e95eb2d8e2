"""Writes of the reports app: templates, drafts with history; the filing of a draft and the
day's reminder claim, for the review that publishes the report (xxgk.review)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from xxgk.orgs.policy import Action

from . import defaults, registry, rendering
from .models import (
    AnnualReportDraft,
    DraftRevision,
    PeriodKind,
    ReportReminder,
    ReportTemplate,
)
from .policy import report_policy


def ensure_default_templates() -> None:
    """The shipped templates exist (created once; the office's edits are never overwritten)."""
    for data in defaults.TEMPLATES:
        ReportTemplate.objects.get_or_create(name=data["name"], defaults=data)


def _require_office(user):
    report_policy.require(user, Action.EDIT)


def clean_sections(sections) -> list[dict]:
    """Keep non-empty sections; every heading present, every text valid."""
    codes = registry.figures().keys()
    cleaned, errors = [], []
    for number, section in enumerate(sections, start=1):
        heading = (section.get("heading") or "").strip()
        text = (section.get("text") or "").replace("\r\n", "\n").strip()
        if not heading and not text:
            continue
        if not heading:
            errors.append(_("第%(n)s节缺少标题。") % {"n": number})
            continue
        try:
            rendering.validate_text(text, codes)
        except ValidationError as exc:
            errors.append(
                _("第%(n)s节“%(heading)s”：%(problem)s")
                % {"n": number, "heading": heading, "problem": exc.messages[0]}
            )
        cleaned.append({"heading": heading, "text": text})
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(_("报告至少需要一节。"))
    return cleaned


@transaction.atomic
def save_template(
    template: ReportTemplate,
    *,
    name,
    period_kind,
    title,
    sections,
    user,
    start_month=9,
    start_day=1,
):
    _require_office(user)
    rendering.validate_text(title, registry.figures().keys())
    template.name, template.period_kind, template.title = name.strip(), period_kind, title.strip()
    template.start_month, template.start_day = start_month, start_day
    template.sections = clean_sections(sections)
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def generate_draft(template: ReportTemplate, year: int, *, user) -> AnnualReportDraft:
    """A new draft for a year: text from last year's draft of this template when there is one
    (the office's wording carries over; the figures are recomputed), else the template's."""
    _require_office(user)
    period = template.period(year)  # validates the year
    if AnnualReportDraft.objects.filter(template=template, year=year).exists():
        raise ValidationError(_("该年度已有此模板的报告草稿，请直接编辑。"))
    previous = AnnualReportDraft.objects.filter(template=template, year=year - 1).first()
    source = previous or template
    draft = AnnualReportDraft.objects.create(
        template=template,
        year=year,
        title=rendering.ENGINE.from_string(template.title).render(
            rendering.Context(rendering.text_context(template.period_kind, year, period))
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
        raise ValidationError(_("请填写报告标题。"))
    draft.title = title
    draft.sections = clean_sections(sections)
    draft.save()
    DraftRevision.objects.create(
        draft=draft, title=draft.title, sections=draft.sections, note=note, user=user
    )
    return draft


def restore_revision(draft: AnnualReportDraft, revision: DraftRevision, *, user):
    if revision.draft_id != draft.pk:
        raise ValidationError(_("该版本不属于此草稿。"))
    return save_draft(
        draft,
        title=revision.title,
        sections=revision.sections,
        user=user,
        note=f"恢复至 {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M} 的版本",
    )


def render_draft(draft: AnnualReportDraft, *, linked: bool = True) -> rendering.RenderedReport:
    return rendering.render(
        period=draft.template.period(draft.year),
        period_kind=draft.template.period_kind,
        year=draft.year,
        title=draft.title,
        sections=draft.sections,
        draft_id=draft.pk if linked else None,
    )


def due_date(period_kind: str, year: int) -> datetime.date:
    """MoE: by 31 October after the school year (the MoE's yearly notices, e.g.
    教办厅函〔2018〕80号); government format: by 31 January (《政府信息公开条例》第四十九条,
    citations.REGULATION_REPORT_DUE)."""
    if period_kind == PeriodKind.CALENDAR_YEAR:
        return datetime.date(year + 1, 1, 31)
    return datetime.date(year + 1, 10, 31)


def section_html(section) -> str:
    """A rendered section as the portal page's body HTML (tables included, unlinked)."""
    tags = {"subheading": "h3", "minor": "h4", "body": "p"}
    heading = f"<h2>{escape(section.heading)}</h2>" if section.heading != "前言" else ""
    return heading + "".join(
        rendering.table_html(p.table, linked=False)
        if p.table is not None
        else f"<{tags[p.kind]}>{escape(p.text)}</{tags[p.kind]}>"
        for p in section.paragraphs
    )


def record_filing(draft: AnnualReportDraft, page) -> None:
    """The draft was filed as `page` (the desk links it and shows its review state)."""
    draft.report_page = page
    draft.save(update_fields=["report_page", "updated_at"])


def claim_reminder(*, period_kind: str, year: int, today, due, message: str, recipients: int):
    """The day's reminder for a report, as the claim that it is sent once: raises
    IntegrityError when another run already sent it today."""
    return ReportReminder.objects.create(
        period_kind=period_kind,
        year=year,
        sent_on=today,
        due=due,
        message=message,
        recipients=recipients,
    )
