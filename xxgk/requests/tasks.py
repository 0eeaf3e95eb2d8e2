"""Daily jobs: close lapsed correction and fee notices and send deadline reminders."""

from django_tasks import task

from . import services


@task()
def close_lapsed_corrections() -> list[str]:
    return services.close_lapsed_corrections()


@task()
def close_lapsed_fees() -> list[str]:
    return services.close_lapsed_fees()


@task()
def send_deadline_reminders() -> int:
    return services.send_reminders()
