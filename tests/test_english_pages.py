"""English that really works for the page chrome (issue 20 point 1).

With English selected, the header, navigation, footer and the pages of the public portal,
search, the error pages and the login page show no Chinese, apart from database content
(marked ``data-content`` in the templates) and text marked as Chinese (``lang="zh-CN"``,
the language switch's link back to 简体中文). Under the default language they stay Chinese.
"""

import datetime

import pytest

from tests.english import chinese_runs, visible_text
from tests.factories import published_disclosure

pytestmark = pytest.mark.django_db


def _content(tag: str, attributes: dict) -> bool:
    """Database content, and text marked as Chinese, stay as they are."""
    return "data-content" in attributes or attributes.get("lang", "").lower().startswith("zh")


def chrome_text(html: str) -> str:
    return visible_text(html, "body", _content)


def chinese_in(html: str) -> list[str]:
    """The runs of text (with a little context) that still hold Chinese characters."""
    return chinese_runs(chrome_text(html), context=30)


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def disclosure(item_a, dept_a, office):
    return published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年招生章程",
        body="<p>本校2022年普通本科招生章程。</p>",
        publication_date=datetime.date(2022, 3, 1),
    )


PAGES = {
    "home": ("/", 200),
    "search": ("/search/?q=招生", 200),
    "search-no-results": ("/search/?q=量子引力波", 200),
    "search-empty": ("/search/", 200),
    "not-found": ("/no-such-page/", 404),
    "login": ("/admin/login/", 200),
    "feeds": ("/feeds/", 200),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_english_pages_show_no_chinese_outside_content(english, disclosure, name):
    url, status = PAGES[name]
    response = english.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert chinese_in(html) == []


def test_the_search_results_are_there_in_english(english, disclosure):
    html = english.get("/search/", {"q": "招生"}).content.decode()
    assert "results found" in html and "2022年<mark>招生</mark>章程" in html
    assert "Disclosure" in chrome_text(html)


def test_the_header_gives_the_english_school_name(english, settings):
    settings.XXGK_SCHOOL_NAME_EN = "Example University"
    text = chrome_text(english.get("/").content.decode())
    assert "Example University" in text and "Skip to main content" in text
    assert "Information Disclosure Office" in text


def test_the_server_error_page_is_english(english):
    from django.test import RequestFactory
    from django.utils import translation

    from xxgk.core.views import server_error

    with translation.override("en"):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert "Server error" in html and chinese_in(html) == []


def test_the_submit_label_for_scripts_comes_from_the_page(english):
    html = english.get("/").content.decode()
    assert 'data-submitting-text="Submitting…"' in html


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/", ["跳到主要内容", "信息公开目录", "信息公开办公室", "衢州学院"]),
        ("/search/?q=招生", ["站内搜索", "条结果"]),
        ("/no-such-page/", ["页面不存在"]),
    ],
)
def test_chinese_is_still_the_default(client, disclosure, url, words):
    html = client.get(url).content.decode()
    assert '<html lang="zh-CN"' in html
    for word in words:
        assert word in html
