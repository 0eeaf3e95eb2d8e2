from .models import AnnualReportPage


def published_annual_reports():
    return AnnualReportPage.objects.live().order_by("-school_year_start")


def latest_annual_reports(limit: int = 5):
    return list(published_annual_reports()[:limit])
