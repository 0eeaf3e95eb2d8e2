"""Issue #20 point 2: the receipt of a letter and the e-mail that acknowledges it say when
the answer is due - the number, the query code, the mailbox's working days and the date -
and the tracker shows the letter's history and its due date.

The expected date is counted over a calendar the test records (tests/cases/known_calendar.py:
a three-day holiday and a make-up Saturday in the period), not asked of xxgk.workdays.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.cases.english import english, main_text, solved_challenge
from tests.cases.known_calendar import count_working_days, known_calendar, weekdays_only
from xxgk.mailbox import services
from xxgk.mailbox.models import Letter

pytestmark = pytest.mark.django_db


def write(client, mailbox, letter_data, capture, **overrides):
    """Send a letter as a visitor; returns the receipt page."""
    with capture(execute=True):
        response = client.post(
            reverse("mailbox:write", args=[mailbox.slug]),
            {**letter_data, **solved_challenge(), **overrides},
        )
    assert response.status_code == 302 and response.url == reverse("mailbox:receipt")
    return client.get(response.url)


@pytest.mark.parametrize("days", [10, 5])
def test_receipt_and_email_give_number_code_and_due_date(
    client, mailbox, letter_data, django_capture_on_commit_callbacks, days
):
    mailbox.answer_working_days = days
    mailbox.save()
    today = timezone.localdate()
    due = count_working_days(today, days, known_calendar(today))
    assert due != weekdays_only(today, days)  # the recorded holiday counts

    receipt = write(client, mailbox, letter_data, django_capture_on_commit_callbacks)
    letter = Letter.objects.get()
    code = receipt.context["receipt"]["code"]
    text = main_text(receipt.content.decode())
    due_text = f"{days}个工作日内，即{due.isoformat()}前"
    assert letter.number in text and code in text
    assert f"办理期限 {due_text}" in text
    assert "办理期限自来信分办之日起计算" in text

    [message] = mail.outbox
    assert message.to == [letter_data["email"]]
    assert letter.number in message.subject
    assert letter.number in message.body and code in message.body
    assert f"办理期限：{due_text}" in message.body
    assert reverse("mailbox:track") in message.body


def test_without_an_email_address_only_the_page_says_it(
    client, mailbox, letter_data, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    due = count_working_days(today, 10, known_calendar(today))
    receipt = write(client, mailbox, letter_data, django_capture_on_commit_callbacks, email="")
    assert f"10个工作日内，即{due.isoformat()}前" in main_text(receipt.content.decode())
    assert mail.outbox == []


def test_english_receipt_and_email(
    client, mailbox, letter_data, django_capture_on_commit_callbacks
):
    """The page and the e-mail are in the language of the form; the numbers and the date
    are the same in both."""
    today = timezone.localdate()
    due = count_working_days(today, 10, known_calendar(today))
    english(client)
    receipt = write(client, mailbox, letter_data, django_capture_on_commit_callbacks)
    text = main_text(receipt.content.decode())
    assert "Due date" in text and "10" in text and due.isoformat() in text
    [message] = mail.outbox
    assert "We have received your letter" in message.subject
    assert receipt.context["receipt"]["code"] in message.body
    assert due.isoformat() in message.body


def test_tracker_shows_the_history_and_the_due_date(
    client, mailbox, letter_data, category, office, editor_a, dept_a
):
    today = timezone.localdate()
    working = known_calendar(today)
    letter, code = services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": category}
    )
    track = reverse("mailbox:track")

    # Before it is assigned: the receipt's date, counted from the day it came in.
    tracked = client.post(track, {"number": letter.number, "code": code})
    html = tracked.content.decode()
    assert f'data-testid="track-due">{count_working_days(today, 10, working).isoformat()}<' in html
    assert [str(s.label) for s in tracked.context["steps"]] == ["收到来信"]

    # Assigned with 3 working days: the letter's own due date; the office's note stays inside.
    services.assign_letter(letter, user=office, department=dept_a, working_days=3, note="请办理")
    services.draft_answer(letter, user=editor_a, answer="已延长开放时间。")
    tracked = client.post(track, {"number": letter.number, "code": code})
    html = tracked.content.decode()
    assert f'data-testid="track-due">{count_working_days(today, 3, working).isoformat()}<' in html
    assert [str(s.label) for s in tracked.context["steps"]] == ["收到来信", "分办"]
    assert "请办理" not in html and "提交答复稿" not in html
    assert 'data-testid="timeline"' in html and "办理记录" in main_text(html)

    # Answered: no due date any more; the answer is a step of the history.
    services.approve_answer(letter, user=office)
    tracked = client.post(track, {"number": letter.number, "code": code})
    assert 'data-testid="track-due"' not in tracked.content.decode()
    assert [str(s.label) for s in tracked.context["steps"]][-1] == "审核通过并答复"
