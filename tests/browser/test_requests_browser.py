"""依申请公开 end to end: apply → the office accepts and replies → the applicant reads the reply."""

import pytest

from tests.factories import TEST_PASSWORD
from tests.mailbox.helpers import answer_to
from tests.requests.conftest import resident_id

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_reply_and_track(live_server, browser, page, screenshot_dir, office):
    # The applicant fills in the public form; a double click submits once.
    page.goto(live_server.url + "/apply/")
    page.get_by_label("申请人类型").select_option("citizen")
    page.get_by_label("姓名或单位名称").fill("张三")
    page.get_by_label("证件类型").select_option("resident")
    page.get_by_label("证件号码").fill(resident_id())
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("电子邮箱").fill("zhangsan@example.com")
    page.get_by_label("通信地址").fill("浙江省衢州市柯城区九华北大道78号")
    page.get_by_label("所需信息的内容描述").fill("请提供本校2026年本科分专业招生计划。")
    page.get_by_label("信息的指定提供载体形式").select_option("email")
    page.get_by_label("获取信息的方式").select_option("email")
    page.get_by_label("我确认所填信息真实有效").check()
    question = page.get_by_test_id("challenge-question").inner_text()
    page.fill("#id_challenge_answer", answer_to(question))
    page.screenshot(path=str(screenshot_dir / "requests-apply.png"), full_page=True)
    page.get_by_role("button", name="提交申请").dblclick()
    page.wait_for_url("**/apply/done/")
    number = page.get_by_test_id("application-number").inner_text()
    code = page.get_by_test_id("query-code").inner_text()
    assert number.startswith("YSQ-")

    # The office accepts the application and replies in the admin.
    staff = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    admin = staff.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.fill("#id_username", office.username)
    admin.fill("#id_password", TEST_PASSWORD)
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    admin.goto(live_server.url + "/admin/requests/")
    admin.get_by_role("link", name=number).click()
    admin.locator("details[data-action=accept] button[type=submit]").click()
    assert admin.get_by_test_id("case-status").inner_text() == "已受理"
    answer = admin.locator("details[data-action=answer]")
    answer.locator("summary").click()
    answer.get_by_label("办理结果").select_option("1")
    answer.get_by_label("答复内容").fill(
        "您申请的招生计划已在本校信息公开网公开，现随本答复书提供。"
    )
    answer.locator("button[type=submit]").click()
    assert admin.get_by_test_id("case-status").inner_text() == "已答复"
    admin.screenshot(path=str(screenshot_dir / "requests-admin-case.png"), full_page=True)
    staff.close()

    # The applicant reads the reply on the tracker, from a fresh browser.
    visitor = browser.new_context(locale="zh-CN")
    tracker = visitor.new_page()
    tracker.goto(live_server.url + "/apply/track/")
    tracker.get_by_label("申请编号").fill(number)
    tracker.get_by_label("查询码").fill(code)
    tracker.get_by_role("button", name="查询").click()
    assert tracker.get_by_test_id("status").inner_text() == "已答复"
    reply = tracker.get_by_test_id("reply")
    assert "予以公开" in reply.inner_text() and "现随本答复书提供" in reply.inner_text()
    with tracker.expect_download() as download:
        tracker.get_by_role("link", name="PDF").last.click()
    assert download.value.suggested_filename.endswith(".pdf")
    tracker.screenshot(path=str(screenshot_dir / "requests-track.png"), full_page=True)
    visitor.close()

    from xxgk.requests.models import Application

    assert Application.objects.count() == 1
