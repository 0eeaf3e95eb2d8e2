"""The annual report's daily deadline reminder.

`remind_annual_report` is a plain callable with no required arguments, for the daily
scheduler (`xxgk.core.schedule`) and the `remind_annual_report` command (cron);
`remind_annual_report_task` is the same job on the database task backend. Running it any
number of times a day sends one reminder per report and day.
"""

from django_tasks import task

from . import services


def remind_annual_report(today=None) -> list[str]:
    """Send today's reminders (if any are due); returns their messages."""
    return [reminder.message for reminder in services.remind_annual_report(today)]


@task(backend="database")
def remind_annual_report_task() -> list[str]:
    return remind_annual_report()
