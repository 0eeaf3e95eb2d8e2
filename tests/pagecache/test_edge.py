"""Edge copies: files nginx serves without Python, removed the moment their page changes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import published_disclosure, review_through
from xxgk.disclosures.services import file_report
from xxgk.pagecache import edge, generations
from xxgk.reports.models import PeriodKind

pytestmark = pytest.mark.django_db


def copy_of(edge_dir, url, day=None, name="index.html"):
    day = day or timezone.localdate()
    return edge_dir / day.isoformat() / url.strip("/") / name


def test_leaf_page_is_written_for_nginx_with_client_side_counting(
    client, page_cache, disclosure, item_a
):
    client.get(disclosure.url)
    client.get(item_a.url)
    copy = copy_of(page_cache, disclosure.url)
    content = copy.read_bytes()
    assert disclosure.title.encode() in content
    # nginx does not tell Django about the views it serves: the browser counts them.
    assert b'data-view-mode="count"' in content
    # The same bytes for every reader: nothing for nginx to fill in.
    assert b"csrfmiddlewaretoken" not in content


def test_withdrawal_removes_the_edge_copy(client, page_cache, disclosure):
    client.get(disclosure.url)
    assert copy_of(page_cache, disclosure.url).exists()
    disclosure.unpublish()
    assert not copy_of(page_cache, disclosure.url).exists()


def test_retitled_ancestor_removes_copies_below_it(client, page_cache, disclosure, item_a, office):
    client.get(disclosure.url)
    item_a.title = "招生章程（新）"
    item_a.save_revision(user=office).publish(user=office)
    assert not copy_of(page_cache, disclosure.url).exists()


def test_copy_rendered_before_a_purge_is_not_left_behind(page_cache, disclosure):
    tokens = generations.snapshot([generations.tree_key(disclosure.pk)])
    generations.bump([generations.tree_key(disclosure.pk)])  # purge while rendering
    written = edge.write(disclosure.url, b"<html>old</html>", tokens, timezone.localdate())
    assert written is None
    assert not copy_of(page_cache, disclosure.url).exists()


def test_paths_outside_the_edge_directory_are_refused(page_cache, disclosure):
    tokens = generations.snapshot([generations.ALL])
    assert edge.write("/../../escape/", b"x", tokens, timezone.localdate()) is None
    assert not (page_cache.parent / "escape").exists()


def test_pages_that_expire_are_left_to_django(client, page_cache, disclosure):
    from wagtail.models import Page

    Page.objects.filter(pk=disclosure.pk).update(expire_at=timezone.now() + timedelta(days=1))
    client.get(disclosure.url)
    assert not copy_of(page_cache, disclosure.url).exists()


def test_prune_drops_past_days(client, page_cache, disclosure):
    client.get(disclosure.url)
    old = copy_of(page_cache, disclosure.url, timezone.localdate() - timedelta(days=1))
    old.parent.mkdir(parents=True)
    old.write_text("yesterday")
    call_command("purge_page_cache", "--prune")
    assert not old.exists() and copy_of(page_cache, disclosure.url).exists()
    call_command("purge_page_cache")
    assert not copy_of(page_cache, disclosure.url).exists()


@pytest.fixture
def lists_of_two(settings, client, page_cache, office, dept_a, dept_b, disclosure, item_a, item_b):
    """Every list page copied at the edge, item A's in two pagination pages."""
    settings.XXGK_DISCLOSURES_PER_PAGE = 1
    published_disclosure(item=item_a, department=dept_a, author=office, title="2021年招生章程")
    published_disclosure(item=item_b, department=dept_b, author=office, title="2022年部门预算")
    urls = ["/", "/catalogue/", item_a.get_parent().url, item_a.url, item_b.get_parent().url]
    urls.append(item_b.url)
    for url in urls:
        assert client.get(url).status_code == 200
    assert client.get(item_a.url, {"page": 2}).status_code == 200
    return urls


def test_every_list_page_is_copied_for_nginx_each_pagination_page_in_its_own_file(
    client, page_cache, lists_of_two, item_a
):
    for url in lists_of_two:
        assert copy_of(page_cache, url).exists(), url
    second = copy_of(page_cache, item_a.url, name="page-2.html")
    assert second.read_bytes() == client.get(item_a.url, {"page": 2}).content
    assert second.read_bytes() != copy_of(page_cache, item_a.url).read_bytes()


@pytest.mark.parametrize("query", ["page=abc", "page=02", "page=0", "page=2&page=3", "page=2&x=1"])
def test_a_list_asked_with_any_other_query_string_gets_no_copy(client, page_cache, item_a, query):
    client.get(f"{item_a.url}?{query}")
    directory = copy_of(page_cache, item_a.url).parent
    assert not directory.exists() or not any(directory.glob("*.html"))


def test_publishing_removes_the_lists_above_it_and_keeps_every_other_copy(
    client, page_cache, lists_of_two, office, dept_a, disclosure, item_a, item_b
):
    client.get(disclosure.url)
    published_disclosure(item=item_a, department=dept_a, author=office, title="2023年招生章程")
    for url in ["/", "/catalogue/", item_a.get_parent().url, item_a.url]:
        assert not copy_of(page_cache, url).exists(), url
    assert not copy_of(page_cache, item_a.url, name="page-2.html").exists()
    # Item 19's list, its category's and every disclosure stay at the edge.
    assert copy_of(page_cache, item_b.url).exists()
    assert copy_of(page_cache, item_b.get_parent().url).exists()
    assert copy_of(page_cache, disclosure.url).exists()
    # The next reader gets the new list, and it is copied again.
    assert "2023年招生章程" in client.get(item_a.url).content.decode()
    assert copy_of(page_cache, item_a.url).exists()


def test_withdrawal_removes_the_lists_that_showed_it(client, page_cache, lists_of_two, disclosure):
    disclosure.unpublish()
    for url in lists_of_two[:4]:
        assert not copy_of(page_cache, url).exists(), url
        assert disclosure.title not in client.get(url).content.decode()


def test_the_reports_list_is_purged_when_a_report_filed_elsewhere_is_published(
    client, page_cache, office, dept_a
):
    """/reports/ lists the annual reports, which are filed under catalogue item 6, not below
    it: its copies (edge and Django's) go when a report is published."""
    make_report_item = pytest.importorskip("tests.factories").catalogue_item
    if make_report_item("6") is None or client.get("/reports/").status_code != 200:
        pytest.skip("no /reports/ page in this site tree")
    assert client.get("/reports/")["X-Page-Cache"] == "hit"
    assert copy_of(page_cache, "/reports/").exists()
    report = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=2021,
        title="2021-2022学年信息公开工作年度报告",
        body="<p>一、总体情况</p>",
        publishing_department=dept_a,
    )
    review_through(report, submitter=office)
    assert not copy_of(page_cache, "/reports/").exists()
    response = client.get("/reports/")
    assert response["X-Page-Cache"] == "miss"
    assert "2021-2022学年信息公开工作年度报告" in response.content.decode()
