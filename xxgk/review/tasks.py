"""The attachment scan on the database task backend (the worker `make run` starts), so that
reading a file never holds the submitter's request; the annual report's daily deadline
reminder.

`remind_annual_report` is a plain callable with no required arguments, for the daily
scheduler (`xxgk.core.schedule`) and the `remind_annual_report` command (cron);
`remind_annual_report_task` is the same job on the database task backend. Running it any
number of times a day sends one reminder per report and day.
"""

from django_tasks import task

from . import services
from .models import ScanReport


@task(backend="database")
def scan_attachments(report_id: int) -> dict:
    report = ScanReport.objects.filter(pk=report_id).first()
    if report is None:  # the revision was deleted meanwhile
        return {"report": report_id, "deleted": True}
    report = services.run_attachment_scans(report)
    return {
        "report": report_id,
        "complete": report.is_complete,
        "hits": len(report.hits),
        "unscannable": len(report.unscannable),
    }


def remind_annual_report(today=None) -> list[str]:
    """Send today's annual-report reminders (if any are due); returns their messages."""
    return [reminder.message for reminder in services.remind_annual_report(today)]


@task(backend="database")
def remind_annual_report_task() -> list[str]:
    return remind_annual_report()
