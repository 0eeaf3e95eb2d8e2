import datetime
import uuid

import pytest

from tests.factories import published_disclosure


@pytest.fixture
def page_cache(settings, tmp_path):
    """The whole-page cache on, in a cache of its own, with an edge directory."""
    settings.XXGK_PAGE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"pages-{uuid.uuid4().hex}",
        },
    }
    settings.XXGK_PAGE_CACHE_EDGE_DIR = str(tmp_path / "edge")
    return tmp_path / "edge"


@pytest.fixture
def disclosure(office, dept_a, item_a):
    return published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年普通本科招生章程",
        body="<p>第一条</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
