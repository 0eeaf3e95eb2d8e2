"""The flush as a task, for a scheduler (cron, systemd timer or a django-tasks worker)."""

from django_tasks import task

from .services import flush_view_counts


@task()
def flush_view_counts_task() -> int:
    return flush_view_counts()
