"""The daily supervision job, on the database task backend.

django-tasks has no periodic scheduler, so the job re-enqueues itself for the next run
(``run_after``) when it finishes; ``manage.py supervise --enqueue`` (run by ``make run``)
plants the first one. Duplicates are harmless: every reminder is sent at most once.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .services import run_supervision

BACKEND = "database"
QUEUE = "supervision"


@task(backend=BACKEND, queue_name=QUEUE)
def supervise_daily() -> dict:
    figures = run_supervision(today=timezone.localdate())
    schedule_next()
    return figures


def next_run_at(now: datetime.datetime) -> datetime.datetime:
    """The next XXGK_SUPERVISION_RUN_HOUR o'clock, local time, strictly after `now`."""
    local = timezone.localtime(now)
    run = local.replace(hour=settings.XXGK_SUPERVISION_RUN_HOUR, minute=0, second=0, microsecond=0)
    return run if run > local else run + datetime.timedelta(days=1)


def schedule_next(*, now: datetime.datetime | None = None, immediately: bool = False):
    """Enqueue the next run unless one is already waiting. Returns the task result or None."""
    now = now or timezone.now()
    waiting = DBTaskResult.objects.filter(
        task_path=supervise_daily.module_path, status=TaskResultStatus.READY
    ).exists()
    if waiting:
        return None
    run_after = now if immediately else next_run_at(now)
    return supervise_daily.using(run_after=run_after).enqueue()
