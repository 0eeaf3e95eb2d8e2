"""xxgk's periodic jobs on the database task backend: one registry, one self-planting task.

django-tasks has no periodic scheduler, so a single task, `run_jobs`, runs the jobs due at
its time and then plants the next `run_jobs` for the next time any job is due
(``run_after``). ``manage.py schedule_jobs --enqueue`` (run by ``make run``) plants the
first one if none is waiting, with every job, so that a server started late in the day
still does the day's work. The jobs come from the apps that own them (`register_job`).
Every job is safe to run again (each reminder is sent once, scheduled publishing publishes
what is past due), so a duplicate chain or a catch-up run costs nothing but time.
Each job keeps its own management command for cron.
"""

import datetime
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

BACKEND = "database"
# The hour (local time) of the daily jobs that have no hour of their own.
DAILY_HOUR = 7


@dataclass(frozen=True)
class Job:
    """Either daily at `hour` o'clock (local time) or every `minutes` minutes from midnight."""

    name: str
    run: Callable[[], object]
    hour: int | Callable[[], int] | None = None
    minutes: int | None = None

    def next_due(self, after: datetime.datetime) -> datetime.datetime:
        """The first time strictly after `after` at which the job is due."""
        local = timezone.localtime(after)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if self.minutes:
            step = datetime.timedelta(minutes=self.minutes)
            return midnight + step * ((local - midnight) // step + 1)
        hour = self.hour() if callable(self.hour) else self.hour
        due = midnight.replace(hour=hour)
        return due if due > local else due + datetime.timedelta(days=1)


def _publish_scheduled():
    """Wagtail's go-live / expiry of pages and snippets (its own command)."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip()


# Wagtail's job lives here; each app adds its own in its AppConfig.ready() through
# `register_job`, since core sits below every app and may not import them.
JOBS = {"publish_scheduled": Job("publish_scheduled", _publish_scheduled, minutes=5)}


def register_job(job: Job) -> None:
    """Add an app's periodic job (called from its AppConfig.ready()).

    Jobs due at the same time run in the order they were registered, which is the order of
    INSTALLED_APPS.
    """
    JOBS[job.name] = job


def next_run(after: datetime.datetime, jobs=None) -> tuple[datetime.datetime, list[str]]:
    """The next time any job is due after `after`, and the names of the jobs due then."""
    jobs = JOBS if jobs is None else jobs
    due = {name: job.next_due(after) for name, job in jobs.items()}
    at = min(due.values())
    return at, [name for name, when in due.items() if when == at]


def run_due(names: list[str], jobs=None) -> dict[str, str]:
    """Run the named jobs once each, in registry order; one failing does not stop the rest."""
    jobs = JOBS if jobs is None else jobs
    outcome = {}
    for name in [n for n in jobs if n in names]:
        try:
            outcome[name] = str(jobs[name].run())
        except Exception:
            logger.exception("scheduled job %s failed", name)
            outcome[name] = "failed"
    unknown = sorted(set(names) - set(jobs))
    if unknown:  # a runner planted before a job was renamed or removed
        logger.warning("unknown scheduled jobs skipped: %s", ", ".join(unknown))
    return outcome


@task(backend=BACKEND)
def run_jobs(names: list[str]) -> dict[str, str]:
    outcome = run_due(names)
    plant(after=timezone.now())
    return outcome


def waiting():
    """The planted runner not yet picked up by the worker, if any."""
    return (
        DBTaskResult.objects.filter(task_path=run_jobs.module_path, status=TaskResultStatus.READY)
        .order_by("run_after")
        .first()
    )


def plant(*, after: datetime.datetime | None = None, now: bool = False):
    """Enqueue the next runner unless one is waiting; returns it, or None if one was.

    With now=True the runner runs every job as soon as the worker picks it up (start-up
    catch-up); otherwise it waits for the next time a job is due after `after`.
    """
    if waiting() is not None:
        return None
    after = after or timezone.now()
    if now:
        return run_jobs.using(run_after=after).enqueue(list(JOBS))
    at, names = next_run(after)
    return run_jobs.using(run_after=at).enqueue(names)
