"""A visitor searches from the header box, narrows the results and pages through them."""

import datetime

import pytest

from tests.factories import published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_searches_filters_and_finds_nothing_helpfully(
    live_server, page, screenshot_dir, office, dept_a, dept_b, item_a, item_b
):
    published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年普通本科招生章程",
        body="<p>本章程适用于2022年普通本科招生，专升本另行公布。</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
    published_disclosure(
        item=item_b,
        department=dept_b,
        author=office,
        title="2022年部门预算公开",
        body="<p>学校2022年收支预算总额说明，含招生宣传经费。</p>",
        publication_date=datetime.date(2022, 4, 10),
    )
    page.goto(live_server.url + "/")
    page.get_by_role("search").get_by_role("searchbox").fill("招生")
    page.get_by_role("search").get_by_role("button", name="搜索").click()
    page.wait_for_url("**/search/?q=*")

    results = page.locator(".search-results > li")
    assert results.count() == 2
    assert page.locator(".search-results mark", has_text="招生").count() >= 2
    assert page.locator("#site-search").input_value() == "招生"

    page.get_by_label("发布部门").select_option(label=dept_b.name)
    page.locator(".search-filters-query button").click()
    assert results.count() == 1
    assert "预算" in results.first.inner_text()
    page.screenshot(path=str(screenshot_dir / "search-results.png"), full_page=True)

    page.locator("#search-q").fill("招生章程汇编")
    page.locator(".search-filters-query button").click()
    assert page.get_by_role("heading", name="没有找到与“招生章程汇编”相关的信息").is_visible()
    page.get_by_role("link", name="去掉筛选条件再搜索").click()
    suggestion = page.locator(".no-results a", has_text="招生章程")
    suggestion.first.click()
    assert results.count() == 1
    page.screenshot(path=str(screenshot_dir / "search-suggestion.png"), full_page=True)
