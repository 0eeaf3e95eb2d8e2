"""Daily jobs: close lapsed correction notices and send deadline reminders."""

from django_tasks import task

from . import services


@task()
def close_lapsed_corrections() -> list[str]:
    return services.close_lapsed_corrections()


@task()
def send_deadline_reminders() -> int:
    return services.send_reminders()
