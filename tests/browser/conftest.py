import os
import threading
import time
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# fixtures in that same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is required for browser tests: run `make system-deps`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    for open_page in context.pages:
        open_page.goto("about:blank")  # unload now, while the test's database is still there
    context.close()
    _wait_for_requests_in_flight()


def _wait_for_requests_in_flight(timeout: float = 10.0) -> None:
    """A page leaving sends requests of its own (Wagtail's editor releases its editing
    session on unload). The test database is flushed right after the test, and on SQLite a
    request served during the flush makes it fail with a locked table: wait until the live
    server's request threads have ended."""
    time.sleep(0.2)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def screenshot_dir():
    RESULTS_DIR.mkdir(exist_ok=True)
    return RESULTS_DIR
