"""The production configuration (gunicorn behind nginx, deploy/local.py) under a burst of
public submissions: nothing acknowledged is lost when the server is killed, concurrent writers
never see "database is locked", and numbers stay unique and gap-free."""

import os
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from http.client import HTTPException
from pathlib import Path

import pytest
from django.db import connection

from bench.formclient import Browser, application_values, attachment, letter_values
from deploy.local import DEPLOY, PYTHON, REPO, Stack
from tests.pagecache.test_serving import database_for_subprocesses, nginx_binary  # noqa: F401
from xxgk.mailbox.models import Letter, Mailbox
from xxgk.requests.models import Application

pytestmark = pytest.mark.django_db(transaction=True)

APPLY, WRITE = "/apply/", "/mailbox/president/write/"
ACKNOWLEDGED = {APPLY: "/apply/done/", WRITE: "/mailbox/receipt/"}


@pytest.fixture
def mailbox(dept_a):
    return Mailbox.objects.create(
        name="校长信箱", slug="president", number_prefix="XZ", default_department=dept_a
    )


@pytest.fixture
def stack(nginx_binary, mailbox, tmp_path, settings):  # noqa: F811
    """gunicorn (2 workers × 10 threads: 20 requests at once) behind nginx, on a copy of the
    test database (SQLite) or the test database itself (PostgreSQL); public-form rate limits
    off, since every simulated applicant is 127.0.0.1."""
    served = Stack(
        tmp_path / "stack",
        database_for_subprocesses(tmp_path),
        env={
            "SECRET_KEY": "fault-test-" + uuid.uuid4().hex,  # the same across a restart
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "STATIC_ROOT": str(REPO / "var" / "static-prod"),
            "GUNICORN_THREADS": "10",
            "XXGK_PUBLIC_FORM_RATE_LIMITS": "0",
        },
    )
    served.static_root = Path(served.env["STATIC_ROOT"])
    with served:
        yield served


def load_served_database(stack) -> None:
    """Make the test's connection see what the server stored (SQLite: copy the served file
    back into the in-memory test database; PostgreSQL: it is the same database)."""
    if connection.vendor == "sqlite":
        path = stack.database_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as served:
            served.backup(connection.connection)


class Burst:
    """Applicants in threads, each submitting applications and letters in turn until stopped;
    records which submissions the server acknowledged (302 to the receipt) and what else it
    answered."""

    def __init__(self, url: str, applicants: int, per_applicant: int | None = None):
        self.url, self.per_applicant = url, per_applicant
        self.acknowledged: list[tuple[str, str]] = []
        self.refused: list[str] = []  # what was answered instead of an acknowledgement
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self.applicant, args=(n,)) for n in range(applicants)
        ]

    def applicant(self, n: int) -> None:
        done = 0
        while not self.stop.is_set() and done != self.per_applicant:
            path = (APPLY, WRITE)[done % 2]
            marker = uuid.uuid4().hex
            if path == APPLY:
                values, files = application_values(n * 1000 + done, marker), attachment()
            else:
                values, files = letter_values(marker), None
            try:
                response = Browser(self.url, timeout=20).submit(path, values, files)
                answer = response.status, response.headers.get("location", "")
                detail = response.text[:300]
            except (OSError, HTTPException) as error:  # refused, reset, cut off: server down
                answer, detail = (0, ""), type(error).__name__
            with self.lock:
                if answer == (302, ACKNOWLEDGED[path]):
                    self.acknowledged.append((path, marker))
                else:
                    self.refused.append(f"{path} {answer[0]} {answer[1]} {detail}")
            if answer[0] != 302:
                time.sleep(0.05)
            done += 1

    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.count() < count:
            assert time.monotonic() < deadline, (
                f"only {self.count()} acknowledged: {self.refused[-3:]}"
            )
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def kill_gunicorn(stack) -> None:
    """SIGKILL the gunicorn master and its workers at once: no graceful anything."""
    master = stack.gunicorn().pid
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in [master, *map(int, children)]:
        os.kill(pid, signal.SIGKILL)
    stack.gunicorn().wait()


def start_gunicorn(stack) -> None:
    stack.processes[0] = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", DEPLOY / "gunicorn.conf.py"], cwd=REPO, env=stack.app_env()
    )
    stack.wait_ready()


def stored() -> tuple[set, list, list]:
    applications = list(Application.objects.values_list("description", "number"))
    letters = list(Letter.objects.values_list("subject", "number"))
    texts = {text for text, _ in applications + letters}
    return texts, sorted(n for _, n in applications), sorted(n for _, n in letters)


def assert_gap_free(numbers: list[str], prefix: str) -> None:
    year = numbers[0].split("-")[1]
    assert numbers == [f"{prefix}-{year}-{n:06d}" for n in range(1, len(numbers) + 1)]


def test_acknowledged_submissions_survive_sigkill_of_the_server(stack):
    with Burst(stack.url, applicants=8) as burst:
        burst.wait_for(12)
        kill_gunicorn(stack)  # mid-burst: requests are in flight in both workers
        acknowledged_before_kill = burst.count()
        time.sleep(1)
        start_gunicorn(stack)
        burst.wait_for(acknowledged_before_kill + 8)
    load_served_database(stack)
    texts, application_numbers, letter_numbers = stored()
    lost = [marker for _, marker in burst.acknowledged if not any(marker in t for t in texts)]
    assert lost == []
    assert any(" 502 " in r or " 0 " in r for r in burst.refused)  # the kill was noticed
    assert_gap_free(application_numbers, "YSQ")
    assert_gap_free(letter_numbers, "XZ")


def test_twenty_concurrent_writers_all_succeed_with_gap_free_numbers(stack):
    with Burst(stack.url, applicants=20, per_applicant=4) as burst:
        for thread in burst.threads:
            thread.join(timeout=300)
    assert burst.refused == []  # no "database is locked", no 5xx, nothing refused
    assert len(burst.acknowledged) == 80
    load_served_database(stack)
    texts, application_numbers, letter_numbers = stored()
    assert all(any(marker in t for t in texts) for _, marker in burst.acknowledged)
    assert len(application_numbers) == len(letter_numbers) == 40
    assert_gap_free(application_numbers, "YSQ")
    assert_gap_free(letter_numbers, "XZ")
