"""A visitor browses the portal in a real browser (Playwright + Debian chromium)."""

import datetime

import pytest

from tests.factories import published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_follows_catalogue_to_disclosure_and_view_count_rises(
    live_server, browser, page, screenshot_dir, office, dept_a, item_a
):
    disclosure = published_disclosure(
        item=item_a,
        department=dept_a,
        author=office,
        title="2022年普通本科招生章程",
        body="<p>第一条 为保证学校招生工作顺利进行……</p>",
        publication_date=datetime.date(2022, 5, 20),
    )
    page.goto(live_server.url + "/")
    assert page.locator("main#main").is_visible()
    assert page.get_by_role("search").is_visible()
    # The catalogue tree: open category 2 and follow item 7.
    page.locator("summary", has_text="2. 招生考试信息").click()
    page.get_by_role("link", name="7. 招生章程及特殊类型招生办法").click()
    page.wait_for_url(f"**{item_a.url}")
    assert page.get_by_role("heading", level=1).inner_text().startswith("7. ")
    page.get_by_role("link", name="2022年普通本科招生章程").click()
    page.wait_for_url(f"**{disclosure.url}")

    count = page.get_by_test_id("view-count")
    first = int(count.inner_text())
    assert page.get_by_text(disclosure.index_number).is_visible()
    page.reload()  # the same reader within the window: not another view
    assert int(page.get_by_test_id("view-count").inner_text()) == first
    other = browser.new_context(locale="zh-CN", user_agent="second-reader")
    reader = other.new_page()
    reader.goto(live_server.url + disclosure.url)
    assert int(reader.get_by_test_id("view-count").inner_text()) == first + 1
    other.close()
    page.screenshot(path=str(screenshot_dir / "disclosure-page.png"), full_page=True)


def test_home_fits_a_phone_screen(live_server, browser, screenshot_dir):
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    phone = context.new_page()
    phone.goto(live_server.url + "/")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    for landmark in ("banner", "navigation", "main", "contentinfo", "search"):
        assert phone.get_by_role(landmark).count() >= 1, landmark
    # The skip link becomes visible on keyboard focus.
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip-link"
    phone.screenshot(path=str(screenshot_dir / "home-phone.png"), full_page=True)
    context.close()


def test_phone_header_is_compact_with_search_at_hand(live_server, browser, screenshot_dir):
    """Issue 20: at 390×844 the header takes under 15% of the first screen, the search box is
    in it, and the navigation folds behind a button that says whether it is open."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(live_server.url + "/")
    header = phone.get_by_role("banner")
    share = header.bounding_box()["height"] / 844
    assert share < 0.15, share
    search = phone.get_by_role("search").get_by_role("searchbox")
    assert search.is_visible() and search.bounding_box()["y"] < 844 * 0.15
    nav = phone.get_by_role("navigation", name="主导航")
    assert not nav.is_visible()
    header.screenshot(path=str(screenshot_dir / "header-phone-390x844.png"))
    toggle = phone.get_by_role("button", name="主导航")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and nav.is_visible()
    nav.get_by_role("link", name="依申请公开").click()
    phone.wait_for_url("**/apply/")
    phone.get_by_role("button", name="主导航").click()
    phone.keyboard.press("Escape")
    assert not nav.is_visible()
    assert phone.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-nav"
    phone.screenshot(path=str(screenshot_dir / "home-phone-390x844.png"))
    # The English names are longer: still one row, cut with an ellipsis if need be.
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    phone.goto(live_server.url + "/")
    assert phone.get_by_role("banner").bounding_box()["height"] / 844 < 0.15
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    phone.get_by_role("banner").screenshot(path=str(screenshot_dir / "header-phone-en.png"))
    context.close()

    # Without JavaScript the menu is a link to the navigation, which then shows.
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    phone = context.new_page()
    phone.goto(live_server.url + "/")
    nav = phone.get_by_role("navigation", name="主导航")
    assert not nav.is_visible()
    phone.get_by_role("link", name="主导航").click()
    assert nav.is_visible()
    nav.get_by_role("link", name="信息公开目录").click()
    phone.wait_for_url("**/catalogue/")
    context.close()

    # Desktop keeps its navigation bar and no menu button.
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    desktop = context.new_page()
    desktop.goto(live_server.url + "/")
    assert desktop.get_by_role("navigation", name="主导航").is_visible()
    assert not desktop.get_by_role("button", name="主导航").is_visible()
    context.close()
