"""The public read API: catalogue, disclosures, annual reports, statistics. No auth."""

from django.core.paginator import Paginator
from ninja import Path, Query, Router

from xxgk.catalogue.selectors import item_sort_key
from xxgk.orgs.selectors import active_departments

from . import selectors
from .errors import Error
from .schemas import (
    ITEM_NUMBER,
    AnnualReportOut,
    CatalogueItemOut,
    CategoryOut,
    DepartmentOut,
    DisclosureFilter,
    DisclosureOut,
    DisclosurePageOut,
    DisclosureStatisticsOut,
    MailboxStatisticsOut,
    RequestStatisticsOut,
    SchoolYearFilter,
    StatisticsFilter,
)

router = Router(tags=["公开数据"])
MAX_ID = 2**63 - 1
ERRORS = {400: Error, 404: Error, 422: Error}


def absolute(request, url: str | None) -> str:
    return request.build_absolute_uri(url) if url else ""


def department_data(department) -> dict:
    return {"code": department.code, "name": department.name}


def item_data(request, item, category) -> dict:
    return {
        "item_number": item.item_number,
        "title": item.title,
        "category_number": category.number,
        "category_title": category.title,
        "source": item.source,
        "legal_basis": item.legal_basis,
        "public_note": item.public_note,
        "responsible_departments": [department_data(d) for d in item.responsible_departments.all()],
        "rule": {
            "kind": item.rule_kind,
            "summary": item.rule_summary(),
            "working_days": item.working_days,
            "due_month": item.due_month,
            "due_day": item.due_day,
            "season_start_month": item.season_start_month,
            "season_end_month": item.season_end_month,
            "freshness_months": item.freshness_months,
        },
        "retired_on": item.retired_on,
        "retired_reason": item.retired_reason,
        "successors": sorted((s.item_number for s in item.successors.all()), key=str),
        "disclosure_count": item.disclosure_count,
        "url": absolute(request, item.get_url(request)),
    }


def attachment_data(request, document, title: str = "") -> dict:
    return {
        "title": title or document.title,
        "filename": document.filename,
        "extension": document.file_extension.lower(),
        "size": document.file_size,
        "url": absolute(request, document.url),
    }


def disclosure_summary(request, page) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "index_number": page.index_number,
        "publication_date": page.publication_date,
        "formed_on": page.formed_on,
        "item_number": page.catalogue_item.item_number,
        "item_title": page.catalogue_item.title,
        "department": department_data(page.publishing_department),
        "summary": page.summary,
        "url": absolute(request, page.get_url(request)),
        "last_published_at": page.last_published_at,
    }


def disclosure_detail(request, page) -> dict:
    return {
        **disclosure_summary(request, page),
        "body": page.body,
        "attachments": [
            attachment_data(request, a.document, a.title)
            for a in page.attachments.select_related("document")
        ],
        "source_url": page.source_url,
    }


@router.get("/catalogue", response={200: list[CategoryOut], **ERRORS}, summary="信息公开事项清单")
def catalogue(request):
    """The whole catalogue: categories with their items, rules and responsible departments."""
    result = []
    for node in selectors.public_catalogue():
        category = node["category"]
        items = sorted([*node["items"], *node["retired_items"]], key=item_sort_key)
        result.append(
            {
                "number": category.number,
                "title": category.title,
                "description": category.description,
                "url": absolute(request, category.get_url(request)),
                "items": [item_data(request, item, category) for item in items],
            }
        )
    return result


@router.get(
    "/catalogue/items/{item_number}",
    response={200: CatalogueItemOut, **ERRORS},
    summary="清单事项详情",
)
def catalogue_item(request, item_number: str = Path(..., pattern=ITEM_NUMBER)):
    item = selectors.public_item(item_number)
    return item_data(request, item, item.get_parent().specific)


@router.get("/departments", response={200: list[DepartmentOut], **ERRORS}, summary="部门")
def departments(request):
    return [department_data(d) for d in active_departments()]


@router.get("/disclosures", response={200: DisclosurePageOut, **ERRORS}, summary="公开信息列表")
def disclosures(request, filters: Query[DisclosureFilter]):
    """Published disclosures, newest first (publication date, then id), page by page."""
    queryset = selectors.filter_disclosures(filters)
    paginator = Paginator(queryset, filters.page_size)
    page_objects = paginator.get_page(filters.page) if filters.page <= paginator.num_pages else []

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "page": filters.page,
        "page_size": filters.page_size,
        "num_pages": paginator.num_pages,
        "next": link(filters.page + 1) if filters.page < paginator.num_pages else None,
        "previous": link(filters.page - 1) if 1 < filters.page <= paginator.num_pages + 1 else None,
        "results": [disclosure_summary(request, page) for page in page_objects],
    }


@router.get(
    "/disclosures/{disclosure_id}",
    response={200: DisclosureOut, **ERRORS},
    summary="公开信息详情",
)
def disclosure(request, disclosure_id: int = Path(..., ge=1, le=MAX_ID)):
    return disclosure_detail(request, selectors.public_disclosure(disclosure_id))


def report_data(request, report) -> dict:
    return {
        "school_year_start": report.period_start.year,
        "school_year": report.period_label,
        "title": report.title,
        "publication_date": report.publication_date,
        "body": report.body,
        "document": attachment_data(request, report.document) if report.document else None,
        "url": absolute(request, report.get_url(request)),
    }


@router.get("/reports", response={200: list[AnnualReportOut], **ERRORS}, summary="年度报告")
def reports(request):
    return [report_data(request, r) for r in selectors.public_reports()]


@router.get(
    "/reports/{school_year_start}",
    response={200: AnnualReportOut, **ERRORS},
    summary="某学年的年度报告",
)
def report(request, school_year_start: int = Path(..., ge=1900, le=2100)):
    return report_data(request, selectors.public_report(school_year_start))


@router.get(
    "/statistics/disclosures",
    response={200: DisclosureStatisticsOut, **ERRORS},
    summary="主动公开统计",
)
def disclosure_statistics(request, filters: Query[StatisticsFilter]):
    """Published disclosures counted by catalogue category, department and month."""
    return selectors.disclosure_statistics(filters.date_from, filters.date_to)


@router.get(
    "/statistics/requests",
    response={200: RequestStatisticsOut, **ERRORS},
    summary="依申请公开统计（表三、表四）",
)
def request_statistics(request, filters: Query[SchoolYearFilter]):
    """Applications received, carried over and answered by outcome, per applicant type, and
    appeals by result, for one school year: the annual report's tables, counts only."""
    return selectors.request_statistics(filters.school_year)


@router.get(
    "/statistics/mailbox",
    response={200: MailboxStatisticsOut, **ERRORS},
    summary="信箱来信统计",
)
def mailbox_statistics(request, filters: Query[SchoolYearFilter]):
    """Letters received, answered, open and overdue, with handling time in working days,
    by mailbox, category and department, for one school year. No letter, no writer."""
    return selectors.mailbox_statistics(filters.school_year)
