"""The attachment scan on the database task backend (the worker `make run` starts), so that
reading a file never holds the submitter's request."""

from django_tasks import task

from .models import ScanReport
from .services import run_attachment_scans


@task(backend="database")
def scan_attachments(report_id: int) -> dict:
    report = ScanReport.objects.filter(pk=report_id).first()
    if report is None:  # the revision was deleted meanwhile
        return {"report": report_id, "deleted": True}
    report = run_attachment_scans(report)
    return {
        "report": report_id,
        "complete": report.is_complete,
        "hits": len(report.hits),
        "unscannable": len(report.unscannable),
    }
