"""The office opens the annual report desk after the 2021-2022 report was published: it says
published (not overdue), lists the figure that changed since, and the export downloads under
the school's name and year, dated with the report's date."""

import datetime
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.test_reports_browser import log_in
from tests.reports.test_publishing import approve
from xxgk.registers.models import ProcurementKind, ProcurementNotice
from xxgk.reports.models import AnnualReportDraft
from xxgk.review.services import submit_annual_report
from xxgk_demo import reports as demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The seed report: “分散采购信息公示162条”, published on 31 October 2022.
SEED_DECENTRALISED = 162


def test_office_sees_the_published_report_and_downloads_its_export(
    live_server, page, screenshot_dir, office, reviewer, admin_user
):
    demo.load_demo(io.StringIO())  # the seed year's records and, by the superuser, its draft
    draft = AnnualReportDraft.objects.select_related("template").get(year=2021)
    submit_annual_report(draft, user=office, today=datetime.date(2022, 10, 31))
    approve(draft.report_page, reviewer)
    ProcurementNotice.objects.create(  # entered after the report was published
        kind=ProcurementKind.DECENTRALISED,
        title="补录的分散采购公示",
        published_on=datetime.date(2022, 5, 1),
        platform="衢州学院招标采购网",
    )

    log_in(page, live_server, office)
    page.get_by_role("link", name="年度报告", exact=True).click()
    page.wait_for_url("**/admin/annual-report/")
    row = page.get_by_test_id(f"draft-{draft.pk}")
    expect(row.get_by_test_id("status")).to_contain_text("已发布")
    expect(row).not_to_contain_text("已逾期")
    differences = page.get_by_test_id("differences")
    expect(differences).to_contain_text("草稿与已发布的报告有 1 项数据不同。")
    changed = differences.locator('tr[data-code="procurement.decentralised"] td')
    expect(changed).to_have_text(
        ["分散采购公示条数", str(SEED_DECENTRALISED + 1), str(SEED_DECENTRALISED)]
    )
    page.screenshot(path=str(screenshot_dir / "report-desk.png"), full_page=True)

    row.get_by_role("link", name="衢州学院2021-2022学年信息公开工作报告").click()
    page.wait_for_url("**/admin/annual-report/drafts/*/")
    expect(page.get_by_test_id("report-status")).to_contain_text("门户报告：已发布")
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 PDF").click()
    assert download.value.suggested_filename == "衢州学院-2021-2022学年-信息公开工作年度报告.pdf"
    saved = screenshot_dir / "report-desk-export.pdf"
    download.value.save_as(saved)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "2022年10月31日" in text
