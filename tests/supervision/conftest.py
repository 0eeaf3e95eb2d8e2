import datetime

import pytest

from tests.factories import catalogue_item, make_responsible, published_disclosure
from xxgk.supervision.periods import Period

SCHOOL_YEAR = Period.school_year(2021)


@pytest.fixture
def publish(office):
    """Publish a disclosure under an item on a given date, as the office would import it."""

    def _publish(item, department, on, formed_on=None, title="测试公开信息"):
        return published_disclosure(
            item=item,
            department=department,
            author=office,
            title=title,
            publication_date=on,
            formed_on=formed_on,
        )

    return _publish


@pytest.fixture
def responsible(office):
    """Make departments responsible for a catalogue item given by number."""

    def _responsible(number, *departments):
        return make_responsible(catalogue_item(number), *departments, by=office)

    return _responsible


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def only(result, department=None):
    """The one obligation of an ObligationSet (of one department, if given)."""
    rows = [o for o in result.obligations if department is None or o.department_id == department.pk]
    assert len(rows) == 1, rows
    return rows[0]


def retire(item, on: datetime.date) -> None:
    item.retired_on, item.retired_reason = on, "并入新事项"
    item.save()


@pytest.fixture(autouse=True)
def _fresh_dashboard_cache():
    """Dashboard figures are cached by data fingerprint; test databases reuse primary keys."""
    from django.core.cache import cache

    cache.clear()
