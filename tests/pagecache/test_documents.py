"""A document's title and file are printed on the pages that use it: changing the document
purges those pages (both cache layers) and no others."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import published_disclosure

pytestmark = pytest.mark.django_db

Document = get_document_model()


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def edge_copy(edge_dir, url):
    from django.utils import timezone

    return edge_dir / timezone.localdate().isoformat() / url.strip("/") / "index.html"


@pytest.fixture
def document(db):
    return Document.objects.create(
        title="招生计划表", file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf")
    )


@pytest.fixture
def pages(page_cache, document, office, dept_a, item_a):
    """One disclosure attaching the document, one linking it in its body, one not using it;
    each served once, so all three are cached."""
    attaching = published_disclosure(
        item=item_a, department=dept_a, author=office, title="附件页", documents=[document]
    )
    linking = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="链接页",
        body=f'<p>见<a linktype="document" id="{document.pk}">计划表</a>。</p>',
    )
    unrelated = published_disclosure(item=item_a, department=dept_a, author=office, title="无关页")
    return attaching, linking, unrelated


def warm(client, *pages):
    for page in pages:
        client.get(page.url)
        assert cache_state(client.get(page.url)) == "hit"


def test_retitled_document_purges_the_pages_that_attach_it(
    client, page_cache, document, pages, django_capture_on_commit_callbacks
):
    attaching, linking, unrelated = pages
    warm(client, attaching, unrelated)
    assert edge_copy(page_cache, attaching.url).exists()
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "2022年招生计划表"
        document.save()
    assert not edge_copy(page_cache, attaching.url).exists()
    fresh = client.get(attaching.url)
    assert cache_state(fresh) == "miss" and "2022年招生计划表" in fresh.content.decode()
    assert cache_state(client.get(unrelated.url)) == "hit"


def test_replaced_file_purges_pages_that_attach_or_link_it(
    client, page_cache, document, pages, django_capture_on_commit_callbacks
):
    attaching, linking, unrelated = pages
    warm(client, attaching, linking, unrelated)
    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(b"%PDF-1.4 plan, second edition", name="plan-v2.pdf")
        document.save()
    for page in (attaching, linking):
        fresh = client.get(page.url)
        assert cache_state(fresh) == "miss"
        assert "plan-v2" in fresh.content.decode()
    assert cache_state(client.get(unrelated.url)) == "hit"


def test_nothing_is_purged_before_the_change_is_committed(
    client, page_cache, document, pages, django_capture_on_commit_callbacks
):
    attaching, _, _ = pages
    warm(client, attaching)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document.title = "尚未提交的标题"
        document.save()
        # A render before the commit would still read the old title: the copy stays valid
        # until the purge runs on commit.
        assert cache_state(client.get(attaching.url)) == "hit"
    assert len(callbacks) == 1
    callbacks[0]()
    assert cache_state(client.get(attaching.url)) == "miss"


def test_deleting_a_linked_document_purges_the_page(
    client, page_cache, office, dept_a, item_a, django_capture_on_commit_callbacks
):
    leaflet = Document.objects.create(title="宣传页", file=ContentFile(b"x", name="leaflet.pdf"))
    linking = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="宣传页链接",
        body=f'<p><a linktype="document" id="{leaflet.pk}">宣传页</a></p>',
    )
    warm(client, linking)
    with django_capture_on_commit_callbacks(execute=True):
        leaflet.delete()
    assert cache_state(client.get(linking.url)) == "miss"
