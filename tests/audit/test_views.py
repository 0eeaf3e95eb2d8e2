"""Supervisors and the office search and export the log; nobody can change it from the UI."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from xxgk.audit.models import AuditEvent
from xxgk.audit.services import record_event

pytestmark = pytest.mark.django_db

URL = "/admin/audit/"


@pytest.fixture
def events(editor_a, dept_a):
    record_event("requests.application.viewed", actor=editor_a, target=dept_a)
    record_event("auth.login.failed", detail={"username": '=HYPERLINK("http://x")'})
    record_event("auth.login", actor=editor_a)
    AuditEvent.objects.create(
        action="auth.login",
        actor=editor_a,
        actor_repr="editor_a",
        created_at=timezone.now() - timedelta(days=40),
        ip_address="198.51.100.1",
    )


@pytest.mark.parametrize("role", ["supervisor", "office"])
def test_supervisor_and_office_may_read(client, request, role, events):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert response.status_code == 200
    assert "requests.application.viewed" in response.text


@pytest.mark.parametrize("role", ["editor_a", "reviewer", "leader"])
def test_other_staff_are_refused(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403
    assert not AuditEvent.objects.filter(action="audit.export").exists()


def test_the_page_only_reads(client, supervisor, events):
    client.force_login(supervisor)
    count = AuditEvent.objects.count()
    assert client.post(URL, {"action": "x"}).status_code == 405
    assert AuditEvent.objects.count() == count


def test_filters(client, supervisor, events, editor_a, dept_a):
    client.force_login(supervisor)

    def listed(**query):
        return list(client.get(URL, query).context["page_obj"])

    assert {e.action for e in listed(action="auth.login")} == {"auth.login", "auth.login.failed"}
    assert all(e.actor_repr == "editor_a" for e in listed(actor="editor"))
    assert [e.target_repr for e in listed(target=dept_a.name)] == [str(dept_a)]
    assert [e.ip_address for e in listed(ip_address="198.51.100.1")] == ["198.51.100.1"]
    today = timezone.localdate()
    recent = listed(date_from=today.isoformat(), date_to=today.isoformat(), actor="editor_a")
    assert len(recent) == 2
    month_ago = (today - timedelta(days=40)).isoformat()
    assert len(listed(date_from=month_ago, date_to=month_ago)) == 1


def test_bad_filters_get_a_chinese_error(client, supervisor):
    client.force_login(supervisor)
    response = client.get(URL, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert "起始日期不能晚于截止日期" in response.text
    response = client.get(URL, {"ip_address": "999.1.1.1", "format": "csv"})
    assert response.status_code == 400
    assert not AuditEvent.objects.filter(action="audit.export").exists()


def test_csv_export_is_itself_audited_and_defuses_formulas(client, supervisor, events):
    client.force_login(supervisor)
    expected = AuditEvent.objects.filter(action__startswith="auth.login").count()
    response = client.get(URL, {"action": "auth.login", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:3] == ["时间", "操作人", "操作"]
    assert len(rows) == 1 + expected
    assert {row[2] for row in rows[1:]} == {"auth.login", "auth.login.failed"}
    detail_cells = [row[-1] for row in rows[1:] if row[2] == "auth.login.failed"]
    assert detail_cells == ['{"username": "=HYPERLINK(\\"http://x\\")"}']
    export = AuditEvent.objects.get(action="audit.export")
    assert export.actor == supervisor
    assert export.detail == {"format": "csv", "filters": {"action": "auth.login"}, "rows": expected}


def test_formula_cells_are_quoted():
    from xxgk.audit.exports import csv_lines

    AuditEvent.objects.create(action="x", actor_repr="=cmd|' /C calc'!A0")
    lines = list(csv_lines(AuditEvent.objects.filter(action="x")))
    assert next(csv.reader(io.StringIO(lines[1])))[1] == "'=cmd|' /C calc'!A0"


def test_xlsx_export(client, office, events):
    client.force_login(office)
    expected = AuditEvent.objects.count()
    response = client.get(URL, {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "时间"
    # Header, every earlier event, and the export's own record, written before the file.
    assert len(values) == 1 + expected + 1
    assert values[1][2] == "audit.export"  # newest first
    assert AuditEvent.objects.filter(action="audit.export", actor=office).exists()
