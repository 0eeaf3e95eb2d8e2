import datetime
import re

import pytest

from tests.factories import published_disclosure, review_through
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import (
    allocate_index_number,
    create_disclosure,
    format_item_key,
)

INDEX_NUMBER = re.compile(r"^[A-Z0-9]+-\d{4}-[0-9.]+-\d{4}$")


@pytest.mark.django_db
def test_index_number_issued_on_first_publish(office, dept_a, item_a, settings):
    draft = create_disclosure(
        user=office,
        item=item_a,
        title="草稿",
        publishing_department=dept_a,
        body="<p>正文</p>",
        publication_date=datetime.date(2022, 6, 1),
    )
    assert draft.index_number is None
    review_through(draft, submitter=office)  # approval publishes
    page = DisclosurePage.objects.get(pk=draft.pk)
    assert page.index_number == f"{settings.XXGK_ORG_CODE}-2022-07-0001"
    assert INDEX_NUMBER.match(page.index_number)


@pytest.mark.django_db
def test_index_number_is_stable_across_revisions(office, dept_a, item_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    number = page.index_number
    page.title = "修订后的标题"
    page.save_revision(user=office)
    review_through(page, submitter=office)  # a correction is reviewed again
    page.refresh_from_db()
    assert page.index_number == number
    # Re-publishing a (reviewed) revision made before the first publish keeps the issued
    # number. Nobody may do that by hand (a revert is a new revision to review); a script
    # that skips Wagtail's permission check still passes the review gate.
    first = page.revisions.order_by("id").first()
    first.publish(user=office, skip_permission_checks=True)
    page.refresh_from_db()
    assert page.index_number == number


@pytest.mark.django_db
def test_index_numbers_unique_and_sequential(office, dept_a, item_a):
    numbers = [
        published_disclosure(
            item=item_a,
            department=dept_a,
            author=office,
            title=f"信息{i}",
            publication_date=datetime.date(2022, 3, 1),
        ).index_number
        for i in range(3)
    ]
    assert [n[-4:] for n in numbers] == ["0001", "0002", "0003"]
    assert len(set(numbers)) == 3


@pytest.mark.django_db
def test_numbers_never_reused_after_counter_moves(db):
    first = allocate_index_number(year=2022, item_number="7")
    second = allocate_index_number(year=2022, item_number="7")
    other_year = allocate_index_number(year=2023, item_number="7")
    assert first != second
    assert first.endswith("-2022-07-0001") and second.endswith("-2022-07-0002")
    assert other_year.endswith("-2023-07-0001")


def test_item_key_format():
    assert format_item_key("7") == "07"
    assert format_item_key("19") == "19"
    assert format_item_key("7.1") == "07.1"


@pytest.mark.django_db
def test_copy_does_not_duplicate_index_number(office, dept_a, item_a):
    page = published_disclosure(item=item_a, department=dept_a, author=office)
    copy = page.copy(update_attrs={"slug": "copy-1", "title": "副本"}, keep_live=False)
    assert copy.index_number is None


@pytest.mark.django_db
def test_disclosure_page_shows_facts_and_counts_views(client, office, dept_a, item_a):
    page = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年招生章程",
        body="<p>正文内容</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
    first = client.get(page.url)
    assert first.status_code == 200
    body = first.content.decode()
    for text in (
        "2022年招生章程",
        "2022年5月20日",
        dept_a.name,
        page.index_number,
        "正文内容",
        item_a.title,
    ):
        assert text in body
    assert first.context["page"].view_count == 1
    # The same reader again within the window is not a new view; another reader is.
    assert client.get(page.url).context["page"].view_count == 1
    second = client.get(page.url, HTTP_USER_AGENT="另一位读者")
    assert second.context["page"].view_count == 2


@pytest.mark.django_db
def test_drafts_are_not_public(client, office, dept_a, item_a):
    draft = create_disclosure(
        user=office, item=item_a, title="未发布", publishing_department=dept_a
    )
    assert client.get(f"{item_a.url}{draft.slug}/").status_code == 404
    assert "未发布" not in client.get(item_a.url).content.decode()


@pytest.mark.django_db
def test_item_page_lists_newest_first_paginated(client, office, dept_a, item_a, settings):
    settings.XXGK_DISCLOSURES_PER_PAGE = 2
    for day in (1, 3, 2):
        published_disclosure(
            item=item_a,
            department=dept_a,
            author=office,
            title=f"三月{day}日",
            publication_date=datetime.date(2022, 3, day),
        )
    page1 = client.get(item_a.url)
    titles = [d.title for d in page1.context["disclosures"]]
    assert titles == ["三月3日", "三月2日"]
    page2 = client.get(item_a.url + "?page=2")
    assert [d.title for d in page2.context["disclosures"]] == ["三月1日"]
    assert client.get(item_a.url + "?page=3").status_code == 404


@pytest.mark.django_db
def test_item_page_count_reads_no_page_rows(client, office, dept_a, item_a, settings):
    """The count behind an item's pagination asks liveness of the few pages that are not
    live: joined to every disclosure's page row, PostgreSQL read the whole page table to
    count one item at 1,000,000 disclosures (docs/performance.md, issue 23)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.XXGK_DISCLOSURES_PER_PAGE = 1
    published_disclosure(item=item_a, department=dept_a, author=office, title="仍公开")
    withdrawn = published_disclosure(item=item_a, department=dept_a, author=office, title="已撤回")
    withdrawn.unpublish()
    with CaptureQueriesContext(connection) as queries:
        listed = client.get(item_a.url).context["disclosures"]
    assert [d.title for d in listed] == ["仍公开"]
    assert listed.paginator.count == 1
    (count,) = [q["sql"] for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    assert "JOIN" not in count


@pytest.mark.django_db
def test_future_formed_on_rejected(office, dept_a, item_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        create_disclosure(
            user=office,
            item=item_a,
            title="未来",
            publishing_department=dept_a,
            formed_on=datetime.date.today() + datetime.timedelta(days=30),
        )
    assert "信息形成日期" in str(excinfo.value)
    assert not DisclosurePage.objects.filter(title="未来").exists()
