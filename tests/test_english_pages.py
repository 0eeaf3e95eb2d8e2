"""English that really works for the page chrome (issue 20 point 1).

With English selected, the header, navigation, footer and the pages of the public portal,
search, the error pages and the login page show no Chinese, apart from database content
(marked ``data-content`` in the templates) and text marked as Chinese (``lang="zh-CN"``,
the language switch's link back to 简体中文). Under the default language they stay Chinese.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest

from tests.factories import published_disclosure

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Attributes a reader sees or hears (placeholders, tooltips, labels for screen readers).
READ_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


class ChromeText(HTMLParser):
    """The visible text of <body> outside content elements, with its readable attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.in_body = False
        self.parts = []

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.in_body = True
        skipped = (
            "data-content" in attributes
            or (attributes.get("lang") or "").lower().startswith("zh")
            or tag in ("script", "style")
        )
        if self.in_body and not self.skipping and not skipped:
            self.parts.extend(
                attributes[name] or "" for name in READ_ATTRIBUTES if name in attributes
            )
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def handle_data(self, data):
        if self.in_body and not self.skipping:
            self.parts.append(data)


def chrome_text(html: str) -> str:
    parser = ChromeText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def chinese_in(html: str) -> list[str]:
    """The runs of text (with a little context) that still hold Chinese characters."""
    text = chrome_text(html)
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in CJK.finditer(text)]


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
