"""The public search page and the staff search in the back office."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

URL = "/search/"
ADMIN_URL = "/admin/xxgk-search/"


def result_titles(response):
    html = response.content.decode()
    titles = re.findall(r'<li>\s*<h2[^>]*><a href="[^"]*">(.*?)</a></h2>', html, re.S)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_results_are_highlighted_and_the_box_keeps_the_query(client, corpus):
    response = client.get(URL, {"q": "招生章程"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>招生章程</mark>" in html
    assert re.search(r'name="q"\s+value="招生章程"', html)
    assert result_titles(response) == ["2022年普通本科招生章程", "2021年普通本科招生章程"]
    assert corpus.pages["zhangcheng2022"].url in html


def test_snippet_marks_words_inside_the_body(client, corpus):
    html = client.get(URL, {"q": "消防"}).content.decode()
    assert "宿舍开展<mark>消防</mark>安全大检查" in html


def test_filters_by_category_item_department_and_dates(client, corpus):
    category = corpus.items["19"].get_parent()
    by_category = client.get(URL, {"q": "预算", "category": category.pk})
    assert set(result_titles(by_category)) == {
        "2022年部门预算公开",
        "2021年部门决算公开",
        "2022年“三公”经费预算情况说明",
    }
    admissions = corpus.items["7"].get_parent().pk
    assert result_titles(client.get(URL, {"q": "预算", "category": admissions})) == []

    by_item = client.get(URL, {"q": "预算", "item": corpus.items["20"].pk})
    assert result_titles(by_item) == ["2021年部门决算公开"]

    department = corpus.departments["zs"].pk
    by_department = client.get(URL, {"q": "招生", "department": department})
    assert len(result_titles(by_department)) == 4

    dated = client.get(URL, {"q": "招生", "date_from": "2022-01-01", "date_to": "2022-05-31"})
    assert set(result_titles(dated)) == {"2022年普通本科招生章程", "2022年专升本招生简章"}


def test_sort_by_date(client, corpus):
    response = client.get(URL, {"q": "招生", "sort": "date"})
    assert result_titles(response)[:2] == ["来华留学生招生简章", "2023年硕士研究生招生简章"]


def test_invalid_filters_are_ignored_with_a_notice(client, corpus):
    response = client.get(
        URL,
        {
            "q": "招生章程",
            "category": "abc",
            "department": "99999999999999999999",
            "date_from": "2022-13-45",
            "sort": "sideways",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "以下筛选条件无效，已忽略" in html
    assert "目录类别" in html and "起始日期" in html
    assert len(result_titles(response)) == 2


def test_reversed_date_range_is_reported(client, corpus):
    response = client.get(URL, {"q": "招生", "date_from": "2022-06-01", "date_to": "2022-01-01"})
    assert "截止日期" in response.content.decode()
    assert response.status_code == 200


def test_pagination_and_bad_pages(client, corpus, settings):
    from xxgk.search import views

    original = views.PER_PAGE
    views.PER_PAGE = 4
    try:
        first = client.get(URL, {"q": "招生"})
        second = client.get(URL, {"q": "招生", "page": 2})
        assert "第 1 页，共 2 页" in first.content.decode()
        assert 'href="?q=%E6%8B%9B%E7%94%9F&amp;page=2"' in first.content.decode()
        assert set(result_titles(first)).isdisjoint(result_titles(second))
        assert len(result_titles(first) + result_titles(second)) == 7
        for bad in ("3", "0", "-1", "abc", "9" * 30):
            assert client.get(URL, {"q": "招生", "page": bad}).status_code == 404
    finally:
        views.PER_PAGE = original


def test_no_results_page_helps(client, corpus):
    response = client.get(URL, {"q": "招生章程汇编", "department": corpus.departments["cw"].pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "没有找到与“<span data-content>招生章程汇编</span>”相关的信息" in html
    assert "试试较短的搜索词" in html
    assert "招生章程</a>（2）" in html  # probed without the filters: both 招生章程 pages
    assert 'href="?q=%E6%8B%9B%E7%94%9F%E7%AB%A0%E7%A8%8B%E6%B1%87%E7%BC%96"' in html  # no filters
    assert 'href="/catalogue/"' in html and 'href="/guide/"' in html


def test_empty_query_shows_help(client, db):
    for query in ("", "   ", "\t\n"):
        response = client.get(URL, {"q": query})
        assert response.status_code == 200
        assert "输入要查找的词语" in response.content.decode()


HOSTILE = [
    '"',
    '"招生',
    "(",
    ")",
    "*",
    "招生*",
    "NEAR(招生 章程)",
    "招生 AND 预算",
    "招生 OR 预算",
    "NOT 招生",
    "^招生",
    "title:招生",
    "body_tokens:预算",
    "'; DROP TABLE xxgk_search_searchdocument; --",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "招生" * 500,
    "😀😀 招生 🎓",
    "招\x00生\x07章\x1b程",
    "\u200b\u200e\ufeff",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "a" * 1000,
    "：，。！？",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_any_input_is_safe(client, corpus, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html


def test_an_overlong_query_is_cut_with_a_notice(client, corpus):
    response = client.get(URL, {"q": "招生章程" + "很" * 1000})
    html = response.content.decode()
    assert response.status_code == 200
    assert "搜索词过长" in html
    assert len(response.context["query"]) == 100


def test_text_is_escaped_in_titles_and_snippets(client, office, dept_a, item_a):
    from tests.factories import published_disclosure

    published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="<b>招生</b>须知",
        body="<p>招生 &lt;script&gt;alert(1)&lt;/script&gt;</p>",
        publication_date=datetime.date(2022, 1, 1),
    )
    html = client.get(URL, {"q": "招生"}).content.decode()
    assert "&lt;b&gt;<mark>招生</mark>&lt;/b&gt;须知" in html
    assert "<script>alert(1)" not in html


# --- staff search -------------------------------------------------------------------------


def staff_titles(client, user, query):
    client.login(username=user.username, password=TEST_PASSWORD)
    response = client.get(ADMIN_URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    return {re.sub(r"</?mark>", "", t) for t in re.findall(r"<strong>(.*?)</strong>", html)}


DRAFT_ZS = "2023年招生章程征求意见稿"
DRAFT_CW = "2023年预算草案"


@pytest.mark.parametrize(
    ("user", "visible", "hidden"),
    [
        ("office", {DRAFT_ZS, DRAFT_CW}, set()),
        # Reviewers read what is under review (or they reviewed), not every draft.
        ("reviewer", {DRAFT_CW}, {DRAFT_ZS}),
        ("supervisor", {DRAFT_ZS, DRAFT_CW}, set()),
        ("editor_zs", {DRAFT_ZS}, {DRAFT_CW}),
        ("editor_cw", {DRAFT_CW}, {DRAFT_ZS}),
        ("leader", set(), {DRAFT_ZS, DRAFT_CW}),
    ],
)
def test_staff_see_drafts_within_their_rights(client, corpus, user, visible, hidden):
    titles = staff_titles(client, corpus.users[user], "2023")
    assert visible <= titles
    assert not hidden & titles
    # Everyone in the back office finds what is public, but never withdrawn or expired pages
    # as if they were live.
    assert "2022年部门预算公开" in staff_titles(client, corpus.users[user], "预算")


def test_staff_search_needs_a_login(client, db):
    response = client.get(ADMIN_URL, {"q": "招生"})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_staff_search_is_in_the_admin_menu(client, corpus):
    client.login(username="s_office", password=TEST_PASSWORD)
    html = client.get("/admin/").content.decode()
    assert ADMIN_URL in html


def test_a_capped_result_count_says_so(client, corpus, monkeypatch):
    from xxgk.search import backends

    monkeypatch.setattr(backends, "MAX_CANDIDATES", 2)
    html = client.get(URL, {"q": "招生"}).content.decode()
    assert "结果超过 2 条" in html
    assert len(result_titles(client.get(URL, {"q": "招生"}))) == 2


# --- words, synonyms and help (issue 21) ---------------------------------------------------


def test_the_page_says_what_was_also_searched_and_lets_the_reader_turn_it_off(client, corpus):
    html = client.get(URL, {"q": "教代会"}).content.decode()
    assert "同时搜索了：" in html and "教职工代表大会" in html
    assert "关于召开第五届<mark>教职工代表大会</mark>第三次会议的通知" in html
    assert 'href="?q=%E6%95%99%E4%BB%A3%E4%BC%9A&amp;synonyms=0"' in html
    off = client.get(URL, {"q": "教代会", "synonyms": "0"}).content.decode()
    assert "同时搜索了" not in off and "只搜索了原词" in off
    assert 'name="synonyms" value="0"' in off  # a new search from the box stays literal
    assert "没有找到与“<span data-content>教代会</span>”相关的信息" in off


def test_traditional_queries_find_and_mark_simplified_text_and_back(client, corpus):
    html = client.get(URL, {"q": "學費"}).content.decode()
    assert "<mark>学费</mark>收费标准" in html
    assert "港澳台學生<mark>學費</mark>標準" in html


def test_no_results_help_offers_corrections_items_and_popular_searches(client, corpus):
    from django.core.cache import cache

    from xxgk.search.services import log_search
    from xxgk.search.suggestions import POPULAR_CACHE_KEY

    cache.delete(POPULAR_CACHE_KEY)
    for _ in range(3):
        log_search("专升本", 1)
    log_search("乱码乱码", 0)
    response = client.get(URL, {"q": "招生简张"})
    html = response.content.decode()
    assert "您是不是要找" in html and ">招生简章</a>" in html
    assert "相关的公开事项" in html and "招生章程及特殊类型招生办法" in html
    assert "大家常搜" in html and ">专升本</a>" in html and "乱码乱码" not in html
