"""English that works on the public disclosure and catalogue pages (issue 20): with English
chosen, the page's <main> has no Chinese but content (titles, bodies, department and item
names, stored change records), and the Chinese version still reads Chinese."""

import datetime

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.english import chinese_runs, visible_text
from tests.factories import published_disclosure
from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueChange, CatalogueItemPage
from xxgk.catalogue.services import retire_item
from xxgk.orgs.models import Department


def _widget(tag: str, attributes: dict) -> bool:
    """The evaluation app's "was this helpful" widget is that app's (and its tests') business."""
    return "helpful-widget" in attributes.get("class", "").split()


def main_text(response) -> str:
    """The text a reader sees or hears in the page's <main>."""
    assert response.status_code == 200
    return visible_text(response.content.decode(), "main", _widget)


def content_strings() -> list[str]:
    """Everything the database holds as content: it stays as written in either language."""
    strings = [settings.XXGK_SCHOOL_NAME]
    titles = list(Page.objects.values_list("title", flat=True))
    # Breadcrumbs shorten long titles (truncatechars:24 and :30).
    strings += titles + [t[: n - 1] + "…" for t in titles for n in (24, 30) if len(t) > n]
    strings += Department.objects.values_list("name", flat=True)
    strings += CatalogueCategoryPage.objects.values_list("description", flat=True)
    for item in CatalogueItemPage.objects.all():
        strings += [item.legal_basis, item.public_note, item.retired_reason]
    for change in CatalogueChange.objects.all():
        strings += [change.summary, change.note]
    return sorted({s for s in strings if s}, key=len, reverse=True)


def chinese_left(response, *extra) -> list[str]:
    return chinese_runs(main_text(response), *extra, *content_strings())


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def disclosure(office, dept_a, item_a):
    return published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年本科招生章程",
        summary="招生章程摘要",
        body="<p>招生章程正文</p>",
        publication_date=datetime.date(2022, 5, 20),
    )


CONTENT = ("招生章程摘要", "招生章程正文")


@pytest.mark.django_db
def test_disclosure_page_in_english(english, disclosure):
    response = english.get(disclosure.url)
    assert chinese_left(response, *CONTENT) == []
    text = main_text(response)
    for label in ("Index number", "Publishing department", "Publication date", "Views"):
        assert label in text
    assert "May 20, 2022" in text


@pytest.mark.django_db
def test_disclosure_page_in_chinese(client, disclosure):
    text = main_text(client.get(disclosure.url))
    for label in ("索引号", "发布部门", "发布日期", "浏览次数", "2022年5月20日"):
        assert label in text


@pytest.mark.django_db
def test_catalogue_pages_in_english(english, disclosure, item_a, office, settings):
    settings.XXGK_DISCLOSURES_PER_PAGE = 1000  # one page: the pager is the portal's business
    category = item_a.get_parent()
    index = category.get_parent()
    urls = (index.url, category.url, item_a.url, "/catalogue-history/")
    for url in urls:
        assert chinese_left(english.get(url), *CONTENT) == [], url
    index_text = main_text(english.get(index.url))
    assert "Disclosure deadline" in index_text and "working days" in index_text
    # A retired item: the badge on the lists, the notice on its page, the change record.
    retire_item(item_a, reason="已并入其他事项", user=office)
    for url in urls:
        assert chinese_left(english.get(url), *CONTENT) == [], url
    assert "This item was retired on" in main_text(english.get(item_a.url))
    assert "Retired" in main_text(english.get(index.url))


@pytest.mark.django_db
def test_catalogue_pages_in_chinese(client, disclosure, item_a):
    category = item_a.get_parent()
    assert "公开时限" in main_text(client.get(category.get_parent().url))
    assert "公开信息" in main_text(client.get(item_a.url))
    assert "清单调整记录" in main_text(client.get("/catalogue-history/"))
