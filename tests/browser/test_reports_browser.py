"""The office generates the 2021-2022 report, checks a figure's records, edits and exports."""

import io

import pytest
from playwright.sync_api import expect

from tests.factories import TEST_PASSWORD
from xxgk_demo import reports as demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_office_generates_checks_and_edits_the_report(live_server, page, screenshot_dir, office):
    demo.load_demo(io.StringIO())  # no superuser here, so no draft yet: the office generates it
    log_in(page, live_server, office)
    page.get_by_role("link", name="年度报告", exact=True).click()
    page.get_by_label("模板").select_option(label="高校信息公开年度报告（学年）")
    page.get_by_label("年份").fill("2021")
    page.get_by_test_id("generate").click()
    page.wait_for_url("**/admin/annual-report/drafts/*/")
    article = page.locator("article.report-preview")
    assert "推送官方微博323篇" in article.inner_text()
    assert "共录取新生2913人" in article.inner_text()
    page.screenshot(path=str(screenshot_dir / "report-preview.png"), full_page=True)

    article.get_by_role("link", name="162", exact=True).click()
    page.wait_for_url("**/figures/procurement.decentralised/")
    assert page.get_by_test_id("figure-value").inner_text() == "162"
    assert page.locator("table.listing tbody tr").count() == 100  # first page of 162
    page.screenshot(path=str(screenshot_dir / "report-drilldown.png"), full_page=True)

    page.get_by_role("link", name="← 返回报告").click()
    page.get_by_role("link", name="编辑文字").click()
    last_text = page.locator("textarea[name='sections-7-text']")
    last_text.fill("本学年无其他需要报告的事项。")
    page.get_by_test_id("save-sections").click()
    expect(page.get_by_text("已保存。")).to_be_visible()
    page.get_by_role("link", name="年度报告", exact=True).first.click()
    page.wait_for_url("**/admin/annual-report/")
    page.get_by_role("link", name="衢州学院2021-2022学年信息公开工作报告").click()
    page.wait_for_url("**/admin/annual-report/drafts/*/")
    # Waits for the preview: reading it at once may read the page being left.
    expect(page.locator("article.report-preview")).to_contain_text("本学年无其他需要报告的事项。")
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 DOCX").click()
    assert download.value.suggested_filename == "衢州学院-2021-2022学年-信息公开工作年度报告.docx"
