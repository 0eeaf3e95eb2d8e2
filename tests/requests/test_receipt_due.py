"""Issue #20 point 2: the receipt of an application and the e-mail that acknowledges it say
when the reply is due - the number, the query code, the working days and the date - and the
tracker shows the case history and the due date.

The expected date is counted over a calendar the test records (tests/cases/known_calendar.py:
a three-day holiday and a make-up Saturday in the period), not asked of xxgk.workdays.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.cases.english import english, main_text, solved_challenge
from tests.cases.known_calendar import count_working_days, known_calendar, weekdays_only
from xxgk.requests import services
from xxgk.requests.models import Application
from xxgk.workdays.models import DayKind

from .conftest import applicant

pytestmark = pytest.mark.django_db
APPLY = "/apply/"
TRACK = "/apply/track/"


def submit(client, capture, **overrides):
    """Send the public form as a visitor; returns the receipt page (done/)."""
    data = {**applicant(**overrides), "token": "d" * 32, "consent": "on", **solved_challenge()}
    with capture(execute=True):
        response = client.post(APPLY, data)
    assert response.status_code == 302 and response.url == reverse("requests:done")
    return client.get(response.url)


@pytest.mark.parametrize(
    "reply_days, today_is",
    [
        (15, None),  # the default (conf.py: XXGK_REQUESTS_REPLY_DAYS)
        (20, None),  # a school that follows 《政府信息公开条例》第三十三条 sets 20
        (20, DayKind.HOLIDAY),  # sent on a day off: the count still starts the next day
    ],
)
def test_receipt_and_email_give_number_code_and_due_date(
    client, settings, django_capture_on_commit_callbacks, reply_days, today_is
):
    settings.XXGK_REQUESTS_REPLY_DAYS = reply_days
    today = timezone.localdate()
    working = known_calendar(today, today_is=today_is)
    due = count_working_days(today, reply_days, working)
    assert due != weekdays_only(today, reply_days)  # the recorded holiday counts

    done = submit(client, django_capture_on_commit_callbacks)
    application = Application.objects.get()
    code = done.context["result"]["code"]
    text = main_text(done.content.decode())
    due_text = f"{reply_days}个工作日内，即{due.isoformat()}前"
    assert application.number in text and code in text
    assert f"答复期限 {due_text}" in text
    assert application.due_date == due  # the receipt says what the case's clock says

    [message] = mail.outbox
    assert message.to == ["zhangsan@example.com"]
    assert application.number in message.subject
    assert application.number in message.body and code in message.body
    assert f"答复期限：{due_text}。" in message.body
    assert TRACK in message.body


def test_without_an_email_address_only_the_page_says_it(
    client, settings, django_capture_on_commit_callbacks
):
    settings.XXGK_REQUESTS_REPLY_DAYS = 20
    today = timezone.localdate()
    due = count_working_days(today, 20, known_calendar(today))
    done = submit(
        client, django_capture_on_commit_callbacks, email="", medium="paper", delivery="post"
    )
    assert f"20个工作日内，即{due.isoformat()}前" in main_text(done.content.decode())
    assert mail.outbox == []


def test_an_application_the_office_registers_sends_no_acknowledgement(
    office, django_capture_on_commit_callbacks
):
    """The office hands the number and code to the applicant with its own receipt."""
    with django_capture_on_commit_callbacks(execute=True):
        services.create_application(data=applicant(), channel="letter", actor=office)
    assert mail.outbox == []


def test_english_receipt_and_email(client, django_capture_on_commit_callbacks):
    """The page and the e-mail are in the language of the form; the numbers and the date
    are the same in both."""
    today = timezone.localdate()
    due = count_working_days(today, 15, known_calendar(today))
    english(client)
    done = submit(client, django_capture_on_commit_callbacks)
    text = main_text(done.content.decode())
    assert "Reply due" in text and "15" in text and due.isoformat() in text
    [message] = mail.outbox
    code = done.context["result"]["code"]
    assert code in message.body and due.isoformat() in message.body
    assert Application.objects.get().number in message.subject


def test_tracker_shows_the_case_history_and_the_due_date(
    client, office, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    due = count_working_days(today, 15, known_calendar(today))
    done = submit(client, django_capture_on_commit_callbacks)
    number, code = done.context["result"]["number"], done.context["result"]["code"]
    application = Application.objects.get()
    services.accept(application, actor=office)
    services.assign(application, actor=office, handler=office)

    status = client.post(TRACK, {"number": number, "code": code})
    html = status.content.decode()
    assert 'data-testid="timeline"' in html
    steps = [str(step.label) for step in status.context["steps"]]
    assert steps == ["网上提交申请", "受理"]  # not who the case officer is
    assert "指定承办人" not in html and office.username not in html
    assert f'data-testid="timeline-due">{due.isoformat()}<' in html
    assert f"{due:%Y}年{due.month}月{due.day}日" in main_text(html)  # 答复期限, as before


@pytest.mark.parametrize(("reply", "extension"), [(15, 15), (20, 20)])
def test_the_form_states_the_schools_own_time_limits(client, settings, reply, extension):
    settings.XXGK_REQUESTS_REPLY_DAYS = reply
    settings.XXGK_REQUESTS_EXTENSION_DAYS = extension
    text = " ".join(client.get(reverse("requests:apply")).content.decode().split())
    assert f"学校自收到申请之日起{reply}个工作日内答复" in text
    assert f"延长期限最长不超过{extension}个工作日" in text
