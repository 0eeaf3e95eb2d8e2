"""A reader in a real browser gets a cached disclosure page whose view count is current."""

import uuid

import pytest

from tests.factories import published_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page_cache(settings):
    settings.XXGK_PAGE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        "pagecache": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"pages-{uuid.uuid4().hex}",
        },
    }


def fresh_count(page) -> int:
    """The number once the page's script has fetched it from the count endpoint."""
    counter = page.locator("[data-view-fresh]")
    counter.wait_for()
    return int(counter.inner_text())


def test_cached_page_shows_a_rising_view_count(
    live_server, browser, page, page_cache, screenshot_dir, office, dept_a, item_a
):
    disclosure = published_disclosure(
        item=item_a, department=dept_a, author=office, title="2023年招生章程"
    )
    first = page.goto(live_server.url + disclosure.url)
    assert first.headers["x-page-cache"] == "miss"
    before = fresh_count(page)

    again = page.reload()
    assert again.headers["x-page-cache"] == "hit"
    assert fresh_count(page) == before  # the same reader again within the window
    other = browser.new_context(locale="zh-CN", user_agent="another-reader")
    reader = other.new_page()
    assert reader.goto(live_server.url + disclosure.url).headers["x-page-cache"] == "hit"
    assert fresh_count(reader) == before + 1
    other.close()
    # The language switch in the footer is a plain link: nothing per reader in the copy.
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(screenshot_dir / "cached-disclosure-page.png"), full_page=True)
