"""The periodic-job scheduler: when jobs fall due, planting once, running each due job once."""

import datetime
import zoneinfo
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from xxgk.core import schedule
from xxgk.core.schedule import JOBS, Job, next_run, run_due, run_jobs

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(hour, minute=0, day=24):
    return datetime.datetime(2022, 10, day, hour, minute, tzinfo=SHANGHAI)


def test_daily_and_interval_jobs_fall_due_at_local_times():
    daily = Job("daily", str, hour=8)
    assert daily.next_due(at(7, 59)) == at(8)
    assert daily.next_due(at(8)) == at(8, day=25)  # strictly after
    frequent = Job("frequent", str, minutes=5)
    assert frequent.next_due(at(8, 3)) == at(8, 5)
    assert frequent.next_due(at(23, 58)) == at(0, day=25)
    # A UTC time is read in the school's time zone (01:00 UTC is 09:00 in Shanghai).
    utc = datetime.datetime(2022, 10, 24, 1, tzinfo=datetime.UTC)
    assert daily.next_due(utc) == at(8, day=25)


def test_next_run_groups_the_jobs_due_together(settings):
    settings.XXGK_SUPERVISION_RUN_HOUR = 8
    when, names = next_run(at(6, 58))
    assert when == at(7)
    assert set(names) == {
        "publish_scheduled",
        "requests_daily",
        "remind_overdue_letters",
        "remind_annual_report",
    }
    assert next_run(at(7, 58)) == (at(8), ["publish_scheduled", "supervise"])
    assert next_run(at(8, 1)) == (at(8, 5), ["publish_scheduled"])


def test_runner_calls_each_named_job_once_and_survives_a_failure():
    calls = []

    def broken():
        calls.append("broken")
        raise RuntimeError("boom")

    jobs = {
        "first": Job("first", lambda: calls.append("first") or 1, hour=7),
        "broken": Job("broken", broken, hour=7),
        "last": Job("last", lambda: calls.append("last") or 3, minutes=5),
        "idle": Job("idle", lambda: calls.append("idle"), hour=9),
    }
    outcome = run_due(["last", "broken", "first", "first", "retired"], jobs)
    assert calls == ["first", "broken", "last"]  # registry order, once each, none skipped
    assert outcome == {"first": "1", "broken": "failed", "last": "3"}


@pytest.mark.django_db
def test_enqueue_is_idempotent():
    out = StringIO()
    call_command("schedule_jobs", "--enqueue", stdout=out)
    call_command("schedule_jobs", "--enqueue", stdout=out)
    assert "已安排定时任务" in out.getvalue() and "定时任务已在队列中" in out.getvalue()
    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.READY
    assert (row.backend_name, row.task_path) == ("database", run_jobs.module_path)
    assert row.args_kwargs["args"] == [list(JOBS)]  # the start-up run does every job
    listing = StringIO()
    call_command("schedule_jobs", stdout=listing)
    assert "队列中的调度任务" in listing.getvalue()


@pytest.mark.django_db
def test_the_runner_runs_every_real_job_and_plants_the_next_run():
    outcome = run_jobs.call(list(JOBS))
    assert set(outcome) == set(JOBS)
    assert "failed" not in outcome.values()
    planted = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert planted.task_path == run_jobs.module_path
    assert "publish_scheduled" in planted.args_kwargs["args"][0]
    # Running again while that one waits plants nothing more.
    assert schedule.plant() is None
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
