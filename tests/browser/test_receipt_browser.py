"""Issue #20 point 2 in a real browser: a visitor sends an application and a letter, in
Chinese and in English (the footer's language switch), and the receipt pages, the e-mails
and the trackers say when the answer is due. Screenshots go to test-results/.

The expected dates are counted over a calendar the test records
(tests/cases/known_calendar.py), not asked of xxgk.workdays.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone

from tests.browser.test_accessibility_browser import AXE_OPTIONS
from tests.cases.known_calendar import count_working_days, known_calendar
from tests.mailbox.helpers import answer_to
from tests.requests.conftest import resident_id
from xxgk.mailbox.models import Mailbox, MailboxCategory
from xxgk.security.public_forms import ENGLISH_DIGITS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
REPLY_DAYS = 20  # a school that follows 《政府信息公开条例》第三十三条
LETTER_DAYS = 7


def answer_challenge(page):
    """Answer the form's arithmetic question as a reader would, in either language."""
    question = page.get_by_test_id("challenge-question").inner_text()
    english = re.search(r"What is (\w+) plus (\w+)", question)
    if english:
        a, b = english.groups()
        answer = str(ENGLISH_DIGITS.index(a) + ENGLISH_DIGITS.index(b))
    else:
        answer = answer_to(question)
    page.fill("#id_challenge_answer", answer)


def in_language(page, language):
    if language == "en":
        page.get_by_role("link", name="English").click()
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == ("en" if language == "en" else "zh-CN")


def no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert [v["id"] for v in results.response["violations"]] == []


def text_of(locator) -> str:
    return " ".join(locator.inner_text().split())


@pytest.mark.parametrize("language", ["zh", "en"])
def test_receipts_and_trackers_say_when_the_answer_is_due(
    live_server, page, screenshot_dir, settings, dept_a, language
):
    settings.XXGK_REQUESTS_REPLY_DAYS = REPLY_DAYS
    mailbox = Mailbox.objects.create(
        name="校长信箱",
        slug="president",
        number_prefix="XZ",
        default_department=dept_a,
        answer_working_days=LETTER_DAYS,
    )
    category = MailboxCategory.objects.create(mailbox=mailbox, name="后勤服务")
    today = timezone.localdate()
    working = known_calendar(today)
    reply_due = count_working_days(today, REPLY_DAYS, working).isoformat()
    letter_due = count_working_days(today, LETTER_DAYS, working).isoformat()

    # An application for information.
    page.goto(live_server.url + "/apply/")
    in_language(page, language)
    page.select_option("#id_applicant_type", "citizen")
    page.fill("#id_name", "张三")
    page.select_option("#id_id_type", "resident")
    page.fill("#id_id_number", resident_id())
    page.fill("#id_phone", "13800138000")
    page.fill("#id_email", "zhangsan@example.com")
    page.fill("#id_address", "浙江省衢州市柯城区九华北大道78号")
    page.fill("#id_description", "请提供本校2026年本科分专业招生计划。")
    page.select_option("#id_medium", "email")
    page.select_option("#id_delivery", "email")
    page.check("#id_consent")
    answer_challenge(page)
    page.locator("form.apply-form button[type=submit]").click()
    page.wait_for_url("**/apply/done/")
    number = page.get_by_test_id("application-number").inner_text()
    code = page.get_by_test_id("query-code").inner_text()
    due = text_of(page.get_by_test_id("due-date"))
    assert str(REPLY_DAYS) in due and reply_due in due
    if language == "zh":
        assert due == f"{REPLY_DAYS}个工作日内，即{reply_due}前"
        no_axe_violations(page)
    page.screenshot(path=str(screenshot_dir / f"receipt-apply-{language}.png"), full_page=True)

    page.goto(live_server.url + "/apply/track/")
    page.fill("#id_number", number)
    page.fill("#id_code", code)
    page.locator("form.track-form button[type=submit]").click()
    page.get_by_test_id("timeline").wait_for()
    assert page.get_by_test_id("timeline-due").inner_text() == reply_due
    assert page.locator("[data-testid=timeline] li").count() == 1
    if language == "zh":
        no_axe_violations(page)
    page.screenshot(path=str(screenshot_dir / f"track-apply-{language}.png"), full_page=True)

    # A letter to the president's mailbox.
    page.goto(live_server.url + "/mailbox/president/write/")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_writer_name", "李四")
    page.fill("#id_phone", "13800002222")
    page.fill("#id_email", "lisi@example.com")
    page.fill("#id_subject", "宿舍热水供应时间太短")
    page.fill("#id_message", "冬季晚上九点以后热水经常不够，建议延长供应时间。")
    answer_challenge(page)
    page.locator("form.public-form button[type=submit]").click()
    page.wait_for_url("**/mailbox/receipt/")
    letter_number = page.get_by_test_id("receipt-number").inner_text()
    letter_code = page.get_by_test_id("receipt-code").inner_text()
    due = text_of(page.get_by_test_id("receipt-due"))
    assert str(LETTER_DAYS) in due and letter_due in due
    assert page.get_by_test_id("receipt-due-note").is_visible()
    if language == "zh":
        assert due == f"{LETTER_DAYS}个工作日内，即{letter_due}前"
        no_axe_violations(page)
    page.screenshot(path=str(screenshot_dir / f"receipt-letter-{language}.png"), full_page=True)

    page.goto(live_server.url + "/mailbox/track/")
    page.fill("#id_number", letter_number)
    page.fill("#id_code", letter_code)
    page.locator("form.track-form button[type=submit]").click()
    page.get_by_test_id("timeline").wait_for()
    assert page.get_by_test_id("track-due").inner_text() == letter_due
    if language == "zh":
        no_axe_violations(page)
    page.screenshot(path=str(screenshot_dir / f"track-letter-{language}.png"), full_page=True)

    # Both writers have it by e-mail too, with the query code.
    acknowledgements = {m.to[0]: m.body for m in mail.outbox}
    assert code in acknowledgements["zhangsan@example.com"]
    assert reply_due in acknowledgements["zhangsan@example.com"]
    assert letter_code in acknowledgements["lisi@example.com"]
    assert letter_due in acknowledgements["lisi@example.com"]
