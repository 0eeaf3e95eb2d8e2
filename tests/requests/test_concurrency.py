"""Application numbers stay unique and gap-free when many submissions arrive at once."""

import threading

import pytest
from django.conf import settings
from django.db import connections

from xxgk.mailbox.services import allocate_number
from xxgk.requests.models import Application

from .conftest import D, make_application

THREADS = 8
PER_THREAD = 5


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the SQLite test database is in memory; its shared cache lock refuses threads",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_unique_sequential_numbers():
    errors = []
    barrier = threading.Barrier(THREADS)

    def submit():
        try:
            barrier.wait()
            for _ in range(PER_THREAD):
                make_application(received_on=D(2026, 11, 2))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Application.objects.values_list("number", flat=True))
    expected = [f"YSQ-2026-{n:06d}" for n in range(1, THREADS * PER_THREAD + 1)]
    assert numbers == expected


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the SQLite test database is in memory; its shared cache lock refuses threads",
)
@pytest.mark.django_db(transaction=True)
def test_letter_numbers_racing_for_a_new_year_are_unique_and_gap_free():
    """The first numbers of a year race to create the counter row; none fails or repeats."""
    numbers, errors = [], []
    barrier = threading.Barrier(THREADS)

    def allocate():
        try:
            barrier.wait()
            numbers.extend(allocate_number("XZ", 2031) for _ in range(PER_THREAD))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"XZ-2031-{n:06d}" for n in range(1, THREADS * PER_THREAD + 1)]
