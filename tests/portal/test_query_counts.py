"""Public pages issue a bounded number of queries, however many disclosures exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import bulk_disclosures, published_disclosure
from xxgk.disclosures.models import DisclosurePage

PAGES = ["/", "/catalogue/", "/catalogue/zsks/", "/catalogue/zsks/item-7/", "/reports/"]
MAX_QUERIES = 25


def query_counts(client, *extra_urls):
    counts = {}
    for url in [*PAGES, *extra_urls]:
        client.get(url)  # warm caches (site root paths) that every later request reuses
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(ctx.captured_queries)
    return counts


@pytest.mark.django_db
def test_query_count_independent_of_disclosure_count(client, office, dept_a, item_a):
    sample = published_disclosure(item=item_a, department=dept_a, author=office)
    bulk_disclosures(item_a, dept_a, 19)
    small = query_counts(client, sample.url)

    bulk_disclosures(item_a, dept_a, 1980)
    assert DisclosurePage.objects.live().count() == 2000
    large = query_counts(client, sample.url)

    assert small == large, (small, large)
    assert max(large.values()) <= MAX_QUERIES, large
