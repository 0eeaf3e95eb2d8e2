"""A letter's whole life in a real browser, and the helpfulness vote without a reload."""

import pytest

from tests.factories import TEST_PASSWORD, published_disclosure
from tests.mailbox.helpers import answer_to
from xxgk.mailbox import services
from xxgk.mailbox.models import Letter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def answer_challenge(page):
    question = page.get_by_test_id("challenge-question").inner_text()
    page.fill("#id_challenge_answer", answer_to(question))


def staff_page(browser, live_server, username):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/admin/")
    return page


def test_helpful_vote_posts_without_reload(live_server, page, office, dept_a, item_a):
    disclosure = published_disclosure(item=item_a, department=dept_a, author=office)
    page.goto(live_server.url + disclosure.url)
    page.get_by_role("button", name="有帮助", exact=True).click()
    message = page.get_by_test_id("helpful-message")
    message.wait_for(state="visible")
    assert "感谢您的反馈" in message.inner_text()
    assert page.url.endswith(disclosure.url)  # no navigation happened
    assert page.locator("[data-helpful-yes]").inner_text() == "1"
    page.reload()
    assert "您已评价过" in page.get_by_test_id("helpful-message").inner_text()


def test_letter_from_writing_to_public_answer(
    live_server, browser, page, screenshot_dir, mailbox, office, editor_a, dept_a
):
    # The writer writes, consenting to publication.
    page.goto(live_server.url + "/mailbox/")
    page.get_by_role("link", name="我要写信").first.click()
    page.select_option("#id_category", label="教学管理")
    page.fill("#id_writer_name", "李四")
    page.fill("#id_phone", "13800002222")
    page.fill("#id_subject", "宿舍热水供应时间太短")
    page.fill("#id_message", "冬季晚上九点以后热水经常不够，建议延长供应时间。<b>谢谢</b>")
    page.check("#id_consent_to_publish")
    answer_challenge(page)
    page.get_by_role("button", name="提交来信").click()
    page.wait_for_url("**/mailbox/receipt/")
    number = page.get_by_test_id("receipt-number").inner_text()
    code = page.get_by_test_id("receipt-code").inner_text()
    letter = Letter.objects.get(number=number)
    detail = f"{live_server.url}/admin/letters/{letter.pk}/"

    # The office assigns it to department A.
    office_page = staff_page(browser, live_server, office.username)
    office_page.goto(detail)
    office_page.select_option("#id_assign-department", str(dept_a.pk))
    office_page.get_by_role("button", name="分办", exact=True).click()
    office_page.wait_for_url(detail)
    assert office_page.get_by_test_id("letter-status").inner_text() == "办理中"

    # The department drafts an answer; it cannot see who wrote.
    dept_page = staff_page(browser, live_server, editor_a.username)
    dept_page.goto(detail)
    assert "13800002222" not in dept_page.content()
    dept_page.fill("#id_draft-answer", "热水供应时间已延长至23:30。")
    dept_page.get_by_role("button", name="提交答复稿").click()
    dept_page.wait_for_url(detail)
    assert dept_page.get_by_test_id("letter-status").inner_text() == "待审核"

    # The office approves and publishes, removing nothing personal since none is in the text.
    office_page.goto(detail)
    office_page.get_by_role("button", name="审核通过并答复").click()
    office_page.wait_for_url(detail)
    office_page.check("#id_publish-confirm_redacted")
    office_page.get_by_role("button", name="公开", exact=True).click()
    office_page.wait_for_url(detail)
    assert office_page.get_by_test_id("letter-status").inner_text() == "已答复（已公开）"

    # The writer reads the answer on the tracker; the markup they typed is shown as text.
    page.goto(live_server.url + "/mailbox/track/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    page.get_by_role("button", name="查询").click()
    assert page.get_by_test_id("track-status").inner_text() == "已答复"
    assert "23:30" in page.get_by_test_id("track-answer").inner_text()
    assert "<b>谢谢</b>" in page.content().replace("&lt;", "<").replace("&gt;", ">")
    page.screenshot(path=str(screenshot_dir / "mailbox-tracker.png"), full_page=True)

    # Publicly: the consented letter is listed; one without consent never is.
    hidden, _ = services.submit_letter(
        mailbox=mailbox,
        data={
            "subject": "不同意公开的来信",
            "message": "这封信不同意公开。" * 2,
            "writer_name": "王五",
        },
    )
    services.assign_letter(hidden, user=office, department=dept_a, working_days=10)
    services.draft_answer(hidden, user=editor_a, answer="已答复。")
    services.approve_answer(hidden, user=office)
    page.goto(live_server.url + "/mailbox/president/")
    with page.expect_navigation():
        page.get_by_role("link", name="宿舍热水供应时间太短").click()
    page.wait_for_load_state()
    assert "热水供应时间已延长至23:30" in page.content()
    assert "李四" not in page.content() and "13800002222" not in page.content()
    page.goto(live_server.url + "/mailbox/president/")
    assert page.get_by_role("link", name="不同意公开的来信").count() == 0
    missing = page.goto(f"{live_server.url}/mailbox/president/letters/{hidden.number}/")
    assert missing.status == 404
    office_page.context.close()
    dept_page.context.close()
