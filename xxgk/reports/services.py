"""Writes of the reports app: templates, drafts with history; the filing of a draft and the
day's reminder claim, for the review that publishes the report (xxgk.review)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
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
    FiledFigures,
    PeriodKind,
    ReportReminder,
    ReportTemplate,
)
from .policy import report_policy
from .publishing import report_publisher


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


def export_filename(draft: AnnualReportDraft, fmt: str, *, ascii: bool = False) -> str:
    """<school>-<学年>-信息公开工作年度报告.<fmt> (2021-2022学年, or 2021年 for a calendar-year
    report); `ascii`: the fallback for clients that cannot read the UTF-8 name."""
    period = draft.template.period(draft.year)
    if ascii:
        years = sorted({period.start.year, period.end.year})
        return f"annual-report-{'-'.join(map(str, years))}.{fmt}"
    label = rendering.year_label(draft.template.period_kind, draft.year)
    return f"{settings.XXGK_SCHOOL_NAME}-{label}-信息公开工作年度报告.{fmt}"


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


def record_filing(draft: AnnualReportDraft, page, *, values: dict, filed_on: datetime.date) -> None:
    """The draft was filed as `page` (the desk links it and shows its review state), saying
    `values` (its figures) on `filed_on` (its date): kept, so that the desk can tell later
    which figures the draft no longer agrees with."""
    draft.report_page = page
    draft.save(update_fields=["report_page", "updated_at"])
    record_figures(
        draft.template.period_kind,
        draft.template.period(draft.year),
        values,
        filed_on=filed_on,
        draft=draft,
    )


def record_figures(period_kind: str, period, values: dict, *, filed_on, filed_at=None, draft=None):
    """Keep the figures a period's report says as filed on `filed_on` (also for a report filed
    outside the desk, such as an imported one whose figures are known)."""
    return FiledFigures.objects.create(
        period_kind=period_kind,
        period_start=period.start,
        period_end=period.end,
        values=values,
        filed_on=filed_on,
        filed_at=filed_at or timezone.now(),
        draft=draft,
    )


@dataclass
class Difference:
    code: str
    label: str
    draft: int | None  # what the draft computes now
    filed: int | None  # what the filed (published) version says


@dataclass
class ReportState:
    """Where a draft's report stands, from the report record itself (its portal page, found by
    period even when the draft was never linked to it) and the figures kept when it was filed."""

    page: object | None
    status: str
    due: datetime.date
    days_left: int
    live: bool
    in_review: bool
    filed: FiledFigures | None = None  # the version compared: the published one, else the latest
    differences: list[Difference] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        """Past the due date with nothing published or in review (a published report is never
        overdue, nor one the reviewer has not decided yet)."""
        return self.days_left < 0 and not self.live and not self.in_review

    @property
    def date(self) -> datetime.date | None:
        """The report's own date (its 落款): the day the compared version was filed, else the
        portal report's publication date; None for a report never filed (an undated draft)."""
        if self.filed is not None:
            return self.filed.filed_on
        return getattr(self.page, "publication_date", None) if self.live else None


def report_page(draft: AnnualReportDraft):
    """The portal report of the draft's period: the page the draft was filed as, else the
    period's report however it got there."""
    if draft.report_page is not None:
        return draft.report_page
    period = draft.template.period(draft.year)
    return report_publisher().page_for(draft.template.period_kind, period)


def _filed_version(draft: AnnualReportDraft, page) -> FiledFigures | None:
    """The figures of the version the portal shows (published: the last filing before its
    publication), or of the latest filing while none is published."""
    if page is None:
        return None
    period = draft.template.period(draft.year)
    filings = FiledFigures.objects.filter(
        period_kind=draft.template.period_kind, period_start=period.start, period_end=period.end
    )
    if page.live and page.last_published_at is not None:
        filings = filings.filter(filed_at__lte=page.last_published_at)
    return filings.first()


def differences(report: rendering.RenderedReport, filed: FiledFigures) -> list[Difference]:
    """The figures on which the draft (computed now) and the filed version disagree."""
    rows = registry.figures()
    # The figures both cite: one the text no longer cites (or did not yet) is a wording change.
    codes = sorted(set(report.values) & set(filed.values))
    return [
        Difference(
            code,
            rows[code].label if code in rows else code,
            report.values.get(code),
            filed.values.get(code),
        )
        for code in codes
        if report.values.get(code) != filed.values.get(code)
    ]


def report_state(
    draft: AnnualReportDraft, *, report: rendering.RenderedReport | None = None, today=None
):
    """The desk's view of a draft's report; `report` (the rendered draft) to list the figures
    that differ from the filed version."""
    today = today or timezone.localdate()
    page = report_page(draft)
    due = due_date(draft.template.period_kind, draft.year)
    state = ReportState(
        page=page,
        status=report_publisher().status(page),
        due=due,
        days_left=(due - today).days,
        live=bool(page is not None and page.live),
        in_review=bool(page is not None and page.workflow_in_progress),
        filed=_filed_version(draft, page),
    )
    if report is not None and state.filed is not None:
        state.differences = differences(report, state.filed)
    return state


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
