import datetime

import pytest

from tests.factories import published_disclosure
from xxgk.api.services import create_token


@pytest.fixture
def published(item_a, item_b, office, dept_a, dept_b):
    """Three published disclosures in two departments; two share a publication date."""
    rows = [
        (item_a, dept_a, "2022年招生章程", datetime.date(2022, 5, 10), "本科招生章程"),
        (item_a, dept_a, "招生章程补充说明", datetime.date(2022, 5, 10), ""),
        (item_b, dept_b, "2022年预算", datetime.date(2022, 3, 1), ""),
    ]
    return [
        published_disclosure(
            item=item,
            department=department,
            author=office,
            title=title,
            publication_date=day,
            summary=summary,
        )
        for item, department, title, day, summary in rows
    ]


@pytest.fixture
def token_a(dept_a, office, item_a):
    """A live token of department A and its plaintext."""
    return create_token(department=dept_a, name="招生系统", by=office)


@pytest.fixture
def auth_a(token_a):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_a[1]}"}
