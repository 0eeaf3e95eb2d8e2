"""The disclosure-on-request pages in English (issue 20): the public form, its errors, the
receipt and the tracker, and the office's list, case page, register form and statistics.
Only <main> is checked; the site chrome belongs to the base templates."""

import io

import pytest
from django.utils import translation
from django.utils.timezone import localdate as today
from openpyxl import load_workbook

from tests.cases.english import chinese_in_main, english, solved_challenge
from xxgk.orgs.models import Department
from xxgk.requests import services, stats

from .conftest import applicant, make_application

pytestmark = pytest.mark.django_db
APPLY = "/apply/"
TRACK = "/apply/track/"
BASE = "/admin/requests/"
# What the tests write into a case: content, shown as written in every language.
CONTENT = [applicant()[k] for k in ("name", "address", "description")] + ["张*"]


def test_public_form_errors_receipt_and_tracker_in_english(client):
    english(client)
    form = client.get(APPLY)
    assert form.status_code == 200 and "Application for disclosure" in form.content.decode()
    assert chinese_in_main(form) == []

    # (The phone number's own check belongs to the security app: given a valid one here.)
    invalid = client.post(APPLY, {"token": "b" * 32, "phone": "13800138000", "postcode": "12"})
    assert invalid.status_code == 400
    html = invalid.content.decode()
    assert "Please fill in: Postal address." in html and "6 digits" in html
    left = chinese_in_main(invalid)
    assert left == [], left

    data = {**applicant(), "token": "a" * 32, "consent": "on", **solved_challenge()}
    done = client.get(client.post(APPLY, data).url)
    assert "Application submitted" in done.content.decode()
    assert chinese_in_main(done) == []
    number = done.context["result"]["number"]
    code = done.context["result"]["code"]

    track = client.get(TRACK)
    assert chinese_in_main(track) == []
    wrong = client.post(TRACK, {"number": number, "code": "x" * 8})
    assert "query code is wrong" in wrong.content.decode()
    assert chinese_in_main(wrong) == []
    status = client.post(TRACK, {"number": number, "code": code})
    html = status.content.decode()
    assert "Received" in html and "working days" in html
    assert chinese_in_main(status) == []


def test_public_pages_still_chinese_by_default(client):
    assert "信息公开申请表" in client.get(APPLY).content.decode()
    assert "办理进度查询" in client.get(TRACK).content.decode()


def test_office_pages_in_english(client, office):
    application, _ = make_application()
    services.assign(application, actor=office, handler=office)
    client.force_login(office)
    english(client)
    for url in (BASE, f"{BASE}{application.pk}/", f"{BASE}new/", f"{BASE}statistics/"):
        response = client.get(url)
        assert response.status_code == 200, url
        # The case history's notes are stored as written (in Chinese) when a step is taken.
        notes = [e.note for e in application.events.all() if e.note]
        # Department names (the assignment form's choices) are content too.
        departments = Department.objects.values_list("name", flat=True)
        left = chinese_in_main(response, *CONTENT, *notes, *departments, office.get_full_name())
        assert left == [], url
    assert "Case officer" in client.get(f"{BASE}{application.pk}/").content.decode()


def test_office_pages_still_chinese_by_default(client, office):
    application, _ = make_application()
    client.force_login(office)
    assert "答复期限" in client.get(f"{BASE}{application.pk}/").content.decode()
    assert "收到和处理政府信息公开申请情况" in client.get(f"{BASE}statistics/").content.decode()


def test_notices_and_table_exports_stay_chinese_under_english(office):
    """Statutory documents: the receipt notice and the table 3/4 workbook are in Chinese
    whatever the officer's language."""
    application, _ = make_application()
    with translation.override("en"):
        services.accept(application, actor=office)
        workbook = load_workbook(io.BytesIO(stats.export_xlsx(stats.Period.containing(today()))))
    letter = application.letters.get()
    assert "受理回执" in letter.title and "现已受理" in letter.text
    assert workbook.worksheets[0].title == "表三 收到和处理申请情况"
    assert workbook.worksheets[0]["C2"].value == "自然人"
