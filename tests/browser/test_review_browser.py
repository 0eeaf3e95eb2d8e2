"""先审查、后公开 in a real browser: editor submits → reviewer approves → the public sees it;
and reject → resubmit."""

import pytest
from django.utils import timezone

from tests.factories import TEST_PASSWORD
from xxgk.disclosures.models import DisclosurePage
from xxgk.disclosures.services import create_disclosure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHECKLIST_ROWS = 5


def log_in(page, base, user):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")


def submit_from_editor(page, base, disclosure, new_summary=None):
    page.goto(f"{base}/admin/pages/{disclosure.pk}/edit/")
    if new_summary is not None:
        page.fill("input[name=summary]", new_summary)
    # "提交审查" sits in the editor's action dropdown.
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-submit]').click()")
    assert "/edit/" not in page.url  # back in the explorer: submitted


def decide(page, base, *, decision, opinion):
    page.goto(f"{base}/admin/review/")
    page.get_by_role("link", name="审查", exact=True).first.click()
    table = page.locator("table.review-checklist tbody tr")
    table.first.wait_for()
    assert table.count() == CHECKLIST_ROWS
    for row in range(CHECKLIST_ROWS):
        table.nth(row).get_by_label("否").check()
    page.fill("textarea[name=opinion]", opinion)
    if page.locator("input[name=scan_acknowledged]").count():
        page.locator("input[name=scan_acknowledged]").check()
    page.get_by_role("button", name=decision).click()


def test_submit_approve_public_then_reject_resubmit(
    live_server, page, screenshot_dir, editor_a, reviewer, dept_a, item_a
):
    base = live_server.url
    page.set_default_timeout(90_000)  # the admin is heavy; shared CI machines are slow
    approved = create_disclosure(
        user=editor_a,
        item=item_a,
        title="2022年招生章程（审查通过）",
        publishing_department=dept_a,
        body="<p>招生章程正文。</p>",
    )
    rejected = create_disclosure(
        user=editor_a,
        item=item_a,
        title="2022年录取名单",
        publishing_department=dept_a,
        summary="联系人张老师，电话 13812345678",
        body="<p>2022年录取名单见附件。</p>",
    )

    # 1. Editor submits; reviewer approves; the public sees it.
    log_in(page, base, editor_a)
    submit_from_editor(page, base, approved)
    log_in(page, base, reviewer)
    decide(page, base, decision="同意公开", opinion="不涉密，同意公开。")
    page.wait_for_url(f"{base}/admin/review/record/**")
    assert page.get_by_text("同意公开").first.is_visible()
    # The sheet's number reads like an office's: the year's first sheet (issue 20 point 11).
    year = timezone.localdate().year
    assert page.get_by_text(f"保审〔{year}〕1号").first.is_visible()
    page.screenshot(path=str(screenshot_dir / "review-record.png"), full_page=True)
    page.context.clear_cookies()
    public = DisclosurePage.objects.get(pk=approved.pk)
    page.goto(base + public.url)
    assert page.get_by_role("heading", level=1).inner_text() == "2022年招生章程（审查通过）"

    # 2. A draft with a phone number: the reviewer sees the hit and sends it back.
    log_in(page, base, editor_a)
    submit_from_editor(page, base, rejected)
    log_in(page, base, reviewer)
    page.goto(f"{base}/admin/review/")
    page.get_by_role("link", name="审查", exact=True).first.click()
    page.get_by_role("cell", name="摘要", exact=True).wait_for()  # where the phone number is
    page.fill("textarea[name=opinion]", "请删除联系电话后重新提交")
    page.get_by_role("button", name="退回修改").click()
    page.wait_for_url(f"{base}/admin/review/record/**")
    assert page.get_by_text("退回修改").first.is_visible()
    assert page.get_by_text(f"保审〔{year}〕2号").first.is_visible()  # next in the year, no gap

    # 3. The editor finds it under "被退回", fixes it and resubmits; a new review approves it.
    log_in(page, base, editor_a)
    page.goto(f"{base}/admin/review/mine/?status=rejected")
    assert page.get_by_role("link", name="2022年录取名单").is_visible()
    submit_from_editor(page, base, rejected, new_summary="联系方式请见招生办公室网站。")
    log_in(page, base, reviewer)
    page.goto(f"{base}/admin/review/")
    page.get_by_role("link", name="审查", exact=True).first.click()
    page.get_by_text("未发现身份证号").wait_for()  # the new revision was scanned afresh
    decide(page, base, decision="同意公开", opinion="已删除个人信息，同意公开。")
    page.wait_for_url(f"{base}/admin/review/record/**")
    page.context.clear_cookies()
    public = DisclosurePage.objects.get(pk=rejected.pk)
    assert public.live
    page.goto(base + public.url)
    assert page.get_by_text("联系方式请见招生办公室网站").is_visible()
    assert page.get_by_text("13812345678").count() == 0
    page.screenshot(path=str(screenshot_dir / "review-resubmitted-public.png"), full_page=True)
