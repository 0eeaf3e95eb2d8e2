from xxgk.catalogue.models import CatalogueItemPage

from .models import AnnualReportPage, FeeSchedule, ProcurementNotice

# The catalogue item the published report is filed under (MoE 2014 list: 信息公开年度报告).
ANNUAL_REPORT_ITEM = "6"


def published_annual_reports():
    """Every live report (filed under item 6), newest period first: the /reports/ list."""
    return AnnualReportPage.objects.live().order_by("-period_start", "period_kind")


def annual_report_item():
    return CatalogueItemPage.objects.filter(item_number=ANNUAL_REPORT_ITEM).first()


def report_page_for(period_kind: str, period) -> AnnualReportPage | None:
    return AnnualReportPage.objects.filter(
        period_kind=period_kind, period_start=period.start, period_end=period.end
    ).first()


def report_page_of_year(period_kind: str, year: int) -> AnnualReportPage | None:
    """The report whose period begins in ``year``, whatever day the school's year starts on
    (the template decides: 1 September by default, 1 August at some schools); a live one
    first."""
    return (
        AnnualReportPage.objects.filter(period_kind=period_kind, period_start__year=year)
        .order_by("-live", "-period_start")
        .first()
    )


def latest_annual_reports(limit: int = 5):
    return list(published_annual_reports()[:limit])


# Catalogue items whose page also lists structured records (MoE 2014 item numbers).
FEES_ITEM = "21"  # 收费项目、收费依据、收费标准及投诉方式
PROCUREMENT_ITEM = "18"  # 仪器设备、图书、药品等物资设备采购和重大基建工程的招投标
PUBLIC_PROCUREMENT_LIMIT = 50


def current_fee_schedules(today):
    from django.db.models import Q

    return FeeSchedule.objects.filter(effective_from__lte=today).filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=today)
    )


def latest_procurement_notices(limit: int = PUBLIC_PROCUREMENT_LIMIT):
    return list(ProcurementNotice.objects.order_by("-published_on", "-pk")[:limit])
