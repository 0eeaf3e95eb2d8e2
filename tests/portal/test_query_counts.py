"""Public pages issue a bounded number of queries, however many disclosures exist."""

import datetime
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import published_disclosure
from xxgk.disclosures.models import DisclosurePage

PAGES = ["/", "/catalogue/", "/catalogue/zsks/", "/catalogue/zsks/item-7/", "/reports/"]
MAX_QUERIES = 25


def bulk_disclosures(item, department, count):
    """Insert many live disclosures quickly (tree paths computed, one INSERT per table)."""
    item.refresh_from_db()
    content_type = ContentType.objects.get_for_model(DisclosurePage)
    base = item.numchild
    pages = []
    for offset in range(1, count + 1):
        position = base + offset
        digits = ""
        while position:
            position, rem = divmod(position, 36)
            digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[rem] + digits
        slug = f"bulk-{base + offset}"
        pages.append(
            Page(
                title=f"批量信息{offset}",
                draft_title=f"批量信息{offset}",
                slug=slug,
                content_type=content_type,
                path=item.path + digits.rjust(4, "0"),
                depth=item.depth + 1,
                numchild=0,
                url_path=f"{item.url_path}{slug}/",
                live=True,
                locale_id=item.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[p.path for p in pages]).values_list("pk", flat=True)
    for serial, pk in enumerate(created, start=base + 1):
        DisclosurePage(
            page_ptr_id=pk,
            catalogue_item_id=item.pk,
            publishing_department=department,
            index_number=f"BULK-{item.pk}-{serial}",
            publication_date=datetime.date(2022, 1, 1),
        ).save_base(raw=True)
    Page.objects.filter(pk=item.pk).update(numchild=base + count)


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
