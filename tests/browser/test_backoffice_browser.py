"""The back office in a real browser (issue 20 points 8 and 9): an editor's dashboard is the
school's, with what is due for their department; they find the catalogue item by typing
words, write the disclosure with their department fixed, and save the draft."""

import pytest

from tests.factories import TEST_PASSWORD
from xxgk.disclosures.models import DisclosurePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, base, user):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")


def test_editor_writes_a_disclosure_from_the_dashboard(
    live_server, page, screenshot_dir, settings, editor_a, dept_a, dept_b, item_a, item_b
):
    base = live_server.url
    page.set_default_timeout(90_000)  # the admin is heavy; shared CI machines are slow

    # 1. The dashboard: the school's name, 待我审查 first, the department's obligations.
    log_in(page, base, editor_a)
    heading = page.get_by_role("heading", level=1).first.inner_text().strip()
    assert heading == f"{settings.XXGK_SCHOOL_NAME}{settings.WAGTAIL_SITE_NAME}"
    assert "Wagtail" not in page.title()
    assert page.get_by_text("保密审查").first.is_visible()
    obligations = page.get_by_test_id("editor-obligations")
    assert obligations.is_visible()
    assert dept_a.name in obligations.inner_text()
    page.screenshot(path=str(screenshot_dir / "backoffice-dashboard.png"), full_page=True)

    # 2. 新建公开信息: the item is found by typing words of its name.
    obligations.get_by_role("link", name="新建公开信息").click()
    page.wait_for_url(f"{base}/admin/disclosures/new/**")
    search = page.locator("#item-query")
    search.click()
    search.press_sequentially("招生章程")
    search.press("Enter")
    page.wait_for_url("**q=**")
    results = page.get_by_test_id("item-results")
    assert item_a.title in results.inner_text()
    assert item_b.title not in results.inner_text()  # department B's item is not offered
    page.screenshot(path=str(screenshot_dir / "backoffice-item-search.png"), full_page=True)
    results.get_by_role("link", name="新建公开信息").click()
    page.wait_for_url(f"{base}/admin/pages/add/disclosures/disclosurepage/{item_a.pk}/")

    # 3. The department is the editor's own, fixed: no list to choose from.
    fixed = page.locator("[data-fixed-choice]")
    assert fixed.inner_text().strip() == dept_a.name
    assert page.locator("select[name=publishing_department]").count() == 0
    assert page.locator("[data-chooser-url*='orgs/department']").count() == 0
    page.fill("input[name=title]", "2023年招生章程")
    page.screenshot(path=str(screenshot_dir / "backoffice-new-disclosure.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="保存草稿").click()

    draft = DisclosurePage.objects.get(title="2023年招生章程")
    assert draft.publishing_department_id == dept_a.pk
    assert draft.get_parent().pk == item_a.pk
    assert draft.slug.startswith("draft-")
    assert not draft.live
