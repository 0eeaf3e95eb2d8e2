"""axe-core (bundled by axe-playwright-python, run in Debian chromium) finds no WCAG 2 A/AA
violations on the public pages."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def test_public_pages_have_no_wcag_violations(live_server, page, office, dept_a, item_a):
    disclosure = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年招生章程",
        body="<p>正文</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
    axe = Axe()
    for path in [
        "/",
        "/catalogue/",
        item_a.url,
        disclosure.url,
        "/guide/",
        "/reports/",
        "/catalogue-history/",
        "/no-such-page/",
    ]:
        page.goto(live_server.url + path)
        results = axe.run(page, options=AXE_OPTIONS)
        violations = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
        ]
        assert violations == [], (path, violations)


def test_phone_header_has_no_wcag_violations_closed_or_open(live_server, browser):
    """The compact phone header (issue 20): its menu button and the navigation it opens."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    axe = Axe()
    for path in ["/", "/search/?q=招生"]:
        phone.goto(live_server.url + path)
        for state in ("closed", "open"):
            if state == "open":
                phone.get_by_role("button", name="主导航").click()
            results = axe.run(phone, options=AXE_OPTIONS)
            violations = [(v["id"], v["impact"]) for v in results.response["violations"]]
            assert violations == [], (path, state, violations)
    context.close()
