"""A visitor reads a disclosure with the demo's realistic content (issue 20 point 4): a
budget notice of several paragraphs with its table, in Chinese and with the English chrome
(the content stays as written)."""

import datetime

import pytest

from tests.factories import published_disclosure
from xxgk_demo.bodies import body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_visitor_reads_a_demo_budget_notice_with_its_table(
    live_server, page, screenshot_dir, office, dept_b, item_b, language
):
    title = "2022年学校预算公开"
    disclosure = published_disclosure(
        item=item_b,
        department=dept_b,
        author=office,
        title=title,
        body=body("19", title, dept_b.name, datetime.date(2022, 4, 15)),
        publication_date=datetime.date(2022, 4, 15),
    )
    if language == "en":
        page.context.add_cookies(
            [{"name": "django_language", "value": "en", "url": live_server.url}]
        )
    page.goto(live_server.url + disclosure.url)
    assert page.locator("html").get_attribute("lang") == ("en" if language == "en" else "zh-CN")
    content = page.locator(".rich-text")
    assert content.locator("p").count() >= 3
    table = content.locator("table")
    assert table.count() >= 1 and table.first.locator("tr").count() >= 3
    assert page.get_by_role("heading", level=1).inner_text() == title
    page.screenshot(path=str(screenshot_dir / f"demo-budget-{language}.png"), full_page=True)
