"""Writes of the reports app: templates, drafts with history, filing the report for review
under catalogue item 6, deadline reminders."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from xxgk.disclosures.models import DisclosureAttachment
from xxgk.orgs.policy import Action
from xxgk.orgs.selectors import user_department
from xxgk.requests.selectors import office_users
from xxgk.review.selectors import Status, disclosure_status
from xxgk.review.services import notify, submit_for_review
from xxgk.workdays.calendar import working_days_between

from . import defaults, registry, rendering, selectors
from .exports import report_pdf
from .models import (
    AnnualReportDraft,
    AnnualReportPage,
    DraftRevision,
    PeriodKind,
    ReportReminder,
    ReportTemplate,
)
from .policy import report_policy

# The reminder starts this many working days before the due date (31 October).
REMIND_WORKING_DAYS = 10


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
        raise ValidationError("该年度已有此模板的报告草稿，请直接编辑。")
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


def report_department(item, user):
    """Who publishes the report: the user's department when it answers for item 6, else the
    item's first responsible department (so it counts toward that department's obligation)."""

    responsible = list(item.responsible_departments.order_by("sort_order", "pk"))
    own = user_department(user)
    if own is not None and (own in responsible or not responsible):
        return own
    if responsible:
        return responsible[0]
    raise ValidationError(
        f"清单事项“{item}”未指定责任部门，无法确定年度报告的发布部门。请先在清单中指定。"
    )


@transaction.atomic
def file_report(
    *,
    user,
    period_kind: str,
    year: int,
    title: str,
    body: str,
    document=None,
    publication_date=None,
    publishing_department=None,
    period=None,
) -> AnnualReportPage:
    """Create or update the period's report under catalogue item 6 as a new *draft* revision,
    the report file (if given) attached; `period` overrides the kind's default (a template
    with its own school-year start). Making it public is the confidentiality review's
    business (xxgk.review): nothing here publishes."""

    _require_office(user)
    item = selectors.annual_report_item()
    if item is None or item.is_retired:
        raise ValidationError(
            f"信息公开事项清单中没有可用的第{selectors.ANNUAL_REPORT_ITEM}项“信息公开年度报告”，"
            "年度报告无处归档。"
        )
    period = period or rendering.period_for(period_kind, year)
    label = rendering.year_label(period_kind, year)
    attachments = [DisclosureAttachment(document=document, title=title)] if document else []
    existing = selectors.report_page_for(period_kind, period)
    if existing is None:
        page = AnnualReportPage(
            title=title,
            slug=f"annual-report-{period.start.year}"
            + (f"-{period.end.year}" if period_kind == PeriodKind.SCHOOL_YEAR else ""),
            period_kind=period_kind,
            period_start=period.start,
            period_end=period.end,
            publishing_department=publishing_department or report_department(item, user),
            summary=f"{label}信息公开工作年度报告",
            body=body,
            publication_date=publication_date,
            owner=user,
            live=False,
        )
        page.attachments = attachments
        item.add_child(instance=page)
    else:
        # The live report (if any) stays public until the corrected revision is approved.
        page = existing.get_latest_revision_as_object()
        page.title, page.body = title, body
        page.publication_date = publication_date or page.publication_date
        page.attachments = attachments
    page.save_revision(user=user, log_action=True)
    return AnnualReportPage.objects.get(pk=page.pk)


@transaction.atomic
def submit_draft(draft: AnnualReportDraft, *, user, today=None) -> AnnualReportPage:
    """发布: file the draft as the period's report under catalogue item 6 and send it into the
    confidentiality review (先审查、后公开); the reviewer's approval publishes it. Refused while
    figures are missing. A report already in review is re-reviewed on the new text."""

    _require_office(user)
    report = render_draft(draft, linked=False)
    if report.gaps:
        raise ValidationError(f"还有数据待补，不能发布：{'、'.join(report.gaps)}。")
    today = today or timezone.localdate()
    Document = get_document_model()
    document = Document(title=report.title, uploaded_by_user=user)
    document.file.save(
        f"annual-report-{report.period.start:%Y%m%d}-{report.period.end:%Y%m%d}.pdf",
        ContentFile(report_pdf(report, signed_on=today)),
        save=False,
    )
    document.save()
    page = file_report(
        user=user,
        period_kind=draft.template.period_kind,
        year=draft.year,
        title=report.title,
        body="".join(_section_html(section) for section in report.sections),
        document=document,
        period=report.period,
    )
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        submit_for_review(page, user=user)
    draft.report_page = page
    draft.save(update_fields=["report_page", "updated_at"])
    return page


def report_status(page) -> str:
    """草稿 / 审查中 / 被退回 / 已发布 … of a draft's portal report (None: not filed yet)."""

    return Status.LABELS[disclosure_status(page)] if page is not None else "未提交"


def _section_html(section) -> str:
    tags = {"subheading": "h3", "minor": "h4", "body": "p"}
    heading = f"<h2>{escape(section.heading)}</h2>" if section.heading != "前言" else ""
    return heading + "".join(
        rendering.table_html(p.table, linked=False)
        if p.table is not None
        else f"<{tags[p.kind]}>{escape(p.text)}</{tags[p.kind]}>"
        for p in section.paragraphs
    )


def due_periods(today: datetime.date) -> list[tuple[str, int, datetime.date]]:
    """The reports whose due date comes next: (period kind, year, due) for the school year
    that ended last 31 August (due 31 October) and, when the school reports by calendar year
    too (it has such a draft or report), for last calendar year (due 31 January)."""
    school_year = today.year - 1 if today.month >= 9 else today.year - 2
    periods = [(PeriodKind.SCHOOL_YEAR, school_year)]
    calendar_in_use = (
        AnnualReportDraft.objects.filter(template__period_kind=PeriodKind.CALENDAR_YEAR).exists()
        or AnnualReportPage.objects.filter(period_kind=PeriodKind.CALENDAR_YEAR).exists()
    )
    if calendar_in_use:
        periods.append((PeriodKind.CALENDAR_YEAR, today.year - 1))
    return [(kind, year, due_date(kind, year)) for kind, year in periods]


def remind_annual_report(
    today: datetime.date | None = None, *, working_days: int = REMIND_WORKING_DAYS
) -> list[ReportReminder]:
    """From `working_days` working days before a report's due date until the due date, while
    the period's report is not live: an in-admin notice and an e-mail to every office user,
    at most once per period and day (the ReportReminder row is the claim). After the due
    date, supervision's urging for catalogue item 6 takes over. Returns the reminders sent."""

    today = today or timezone.localdate()
    sent = []
    for kind, year, due in due_periods(today):
        if today > due or working_days_between(today, due) > working_days:
            continue
        page = selectors.report_page_of_year(kind, year)
        if page is not None and page.live:
            continue
        left = working_days_between(today, due)
        state = f"已提交，当前状态：{report_status(page)}" if page is not None else "尚未提交审查"
        message = (
            f"【年度报告提醒】{rendering.year_label(kind, year)}信息公开工作年度报告应于"
            f"{due:%Y年%m月%d日}前公开，还剩 {left} 个工作日，{state}。"
        )
        recipients = list(office_users())
        try:
            with transaction.atomic():
                reminder = ReportReminder.objects.create(
                    period_kind=kind,
                    year=year,
                    sent_on=today,
                    due=due,
                    message=message,
                    recipients=len(recipients),
                )
                notify(
                    recipients,
                    subject="年度报告即将到期",
                    message=message,
                    url=f"{settings.WAGTAILADMIN_BASE_URL}{reverse('reports_admin:desk')}",
                )
        except IntegrityError:
            continue  # already reminded today (another run won the claim)
        sent.append(reminder)
    return sent
