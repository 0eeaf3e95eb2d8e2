"""Case numbers stay unique and gap-free when many submissions arrive at once."""

import threading

import pytest
from django.conf import settings
from django.db import connections

from xxgk.cases.services import allocate_number
from xxgk.requests.models import Application

from .conftest import D, make_application

THREADS = 8
PER_THREAD = 5

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
        reason="the SQLite test database is in memory; its shared cache lock refuses threads",
    ),
    pytest.mark.django_db(transaction=True),
]


def run_at_once(work) -> list[Exception]:
    """Run `work` in THREADS threads released together; return what they raised."""
    errors = []
    barrier = threading.Barrier(THREADS)

    def worker():
        try:
            barrier.wait()
            work()
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_submissions_get_unique_sequential_numbers():
    def submit():
        for _ in range(PER_THREAD):
            make_application(received_on=D(2026, 11, 2))

    assert run_at_once(submit) == []
    numbers = sorted(Application.objects.values_list("number", flat=True))
    expected = [f"YSQ-2026-{n:06d}" for n in range(1, THREADS * PER_THREAD + 1)]
    assert numbers == expected


def test_letter_numbers_racing_for_a_new_year_are_unique_and_gap_free():
    """The first numbers of a year race to create the counter row; none fails or repeats."""
    numbers = []

    def allocate():
        numbers.extend(allocate_number("XZ", 2031) for _ in range(PER_THREAD))

    assert run_at_once(allocate) == []
    assert sorted(numbers) == [f"XZ-2031-{n:06d}" for n in range(1, THREADS * PER_THREAD + 1)]
