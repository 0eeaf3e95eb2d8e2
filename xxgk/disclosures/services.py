from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from xxgk.catalogue.selectors import can_author_under
from xxgk.orgs.policy import Action
from xxgk.orgs.selectors import is_office, user_department
from xxgk.reports.models import PeriodKind
from xxgk.reports.policy import report_policy
from xxgk.reports.rendering import period_for, year_label
from xxgk.viewcounts.services import count_view

from . import selectors
from .models import AnnualReportPage, DisclosureAttachment, DisclosurePage, IndexNumberCounter


def format_item_key(item_number: str) -> str:
    head, _, tail = str(item_number).partition(".")
    head = head.zfill(2) if head.isdigit() else head
    return f"{head}.{tail}" if tail else head


def allocate_index_number(*, year: int, item_number: str) -> str:
    """Issue the next 索引号, e.g. QZXY-2022-07-0012. Never reused, safe under concurrency."""
    item_key = format_item_key(item_number)
    with transaction.atomic():
        counter = (
            IndexNumberCounter.objects.select_for_update()
            .filter(year=year, item_key=item_key)
            .first()
        )
        if counter is None:
            try:
                with transaction.atomic():
                    counter = IndexNumberCounter.objects.create(year=year, item_key=item_key)
            except IntegrityError:
                counter = IndexNumberCounter.objects.select_for_update().get(
                    year=year, item_key=item_key
                )
        IndexNumberCounter.objects.filter(pk=counter.pk).update(last_serial=F("last_serial") + 1)
        counter.refresh_from_db(fields=["last_serial"])
    return f"{settings.XXGK_ORG_CODE}-{year}-{item_key}-{counter.last_serial:04d}"


@transaction.atomic
def create_disclosure(
    *,
    user,
    item,
    title: str,
    publishing_department=None,
    body: str = "",
    summary: str = "",
    publication_date=None,
    formed_on=None,
    documents=(),
    source_url: str = "",
    slug: str = "",
) -> DisclosurePage:
    """Create a draft disclosure under a catalogue item, enforcing 谁公开、谁负责.

    Drafts are not public: making one live is the review workflow's business
    (xxgk.review.services.submit_for_review).
    """
    if not can_author_under(user, item):
        raise PermissionDenied(_("您所在部门不负责该信息公开事项，不能在此发布信息。"))

    department = publishing_department or user_department(user)
    if department is None:
        raise ValidationError({"publishing_department": _("请选择发布部门。")})
    if not is_office(user) and department != user_department(user):
        raise PermissionDenied(_("只能以本部门名义发布信息。"))
    page = DisclosurePage(
        title=title,
        publishing_department=department,
        body=body,
        summary=summary,
        publication_date=publication_date,
        formed_on=formed_on,
        owner=user,
        live=False,
        source_url=source_url,
        slug=slug,
    )
    page.full_clean(exclude=["path", "depth", "url_path"])
    item.add_child(instance=page)
    for order, document in enumerate(documents):
        DisclosureAttachment.objects.create(page=page, document=document, sort_order=order)
    page.save_revision(user=user, log_action=True)
    return page


def record_view(page, request=None) -> int:
    """Count one view and return the total shown. The view is buffered, not written: the
    request path never writes to the database (see xxgk.viewcounts)."""
    return count_view(page.pk, request=request)


# --- The annual report, filed under catalogue item 6 ------------------------------------------


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
        _("清单事项“%(item)s”未指定责任部门，无法确定年度报告的发布部门。请先在清单中指定。")
        % {"item": item}
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

    report_policy.require(user, Action.EDIT)
    item = selectors.annual_report_item()
    if item is None or item.is_retired:
        raise ValidationError(
            _("信息公开事项清单中没有可用的第%(number)s项“信息公开年度报告”，年度报告无处归档。")
            % {"number": selectors.ANNUAL_REPORT_ITEM}
        )
    period = period or period_for(period_kind, year)
    with translation.override("zh-hans"):  # the stored summary is content: Chinese
        label = year_label(period_kind, year)
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
