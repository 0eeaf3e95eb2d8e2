"""The kernel's numbers: one counter per prefix and year, for every kind of case."""

import pytest

from xxgk.cases.services import allocate_number

pytestmark = pytest.mark.django_db


def test_numbers_are_sequential_per_prefix_and_year():
    assert allocate_number("XZ", 2026) == "XZ-2026-000001"
    assert allocate_number("XZ", 2026) == "XZ-2026-000002"
    assert allocate_number("SJ", 2026) == "SJ-2026-000001"
    assert allocate_number("XZ", 2027) == "XZ-2027-000001"
