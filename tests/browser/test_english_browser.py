"""A visitor who reads English (issue 20 point 1): the footer's language switch, then the
public pages and forms in English, with no Chinese outside the content the office wrote and
the text marked as Chinese. Screenshots go to test-results/."""

import pytest

from tests.english import chinese_runs
from tests.test_english_pages import chrome_text, disclosure  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The pages a visitor reaches from the English home page, with what each must show in English.
PAGES = [
    ("/", "Skip to main content"),
    ("/search/?q=招生", "results found"),
    ("/apply/", "Submit"),
    ("/apply/track/", "Track"),
    ("/mailbox/", "Mailbox"),
    ("/feeds/", "RSS"),
]


def test_a_visitor_switches_to_english_and_reads_no_chinese_chrome(
    live_server,
    page,
    screenshot_dir,
    disclosure,  # noqa: F811
    mailbox,
):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"

    for path, english_words in PAGES:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == "en", path
        text = chrome_text(page.content())
        assert english_words.lower() in text.lower(), (path, english_words)
        # What the office wrote (the mailbox's name) stays as written.
        assert chinese_runs(text, mailbox.name, context=30) == [], path
        name = path.split("?")[0].strip("/").replace("/", "-") or "home"
        page.screenshot(path=str(screenshot_dir / f"english-{name}.png"), full_page=True)

    # The switch back is there on every page, written in Chinese as its readers expect.
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-CN"
