import io

import pytest
from openpyxl import load_workbook

from xxgk.audit.models import AuditEvent
from xxgk.requests import services
from xxgk.requests.models import Application, Status

from .conftest import D, applicant, make_application, resident_id

pytestmark = pytest.mark.django_db
BASE = "/admin/requests/"


def test_office_list_masks_personal_data_and_flags_overdue(client, office, today):
    late, _ = make_application(received_on=D(2026, 9, 1))
    fresh, _ = make_application()
    client.force_login(office)
    response = client.get(BASE)
    html = response.content.decode()
    assert response.status_code == 200
    assert late.number in html and fresh.number in html
    assert resident_id() not in html and "张*" in html and "13800138000" not in html
    assert "已超期" in html and "ysq-overdue" in html
    overdue_only = client.get(BASE, {"flag": "overdue"}).content.decode()
    assert late.number in overdue_only and fresh.number not in overdue_only


def test_editor_without_cases_is_refused(client, editor_a):
    make_application()
    client.force_login(editor_a)
    assert client.get(BASE).status_code == 403


def test_assigned_handler_sees_only_own_case_and_personal_data(client, office, editor_a):
    mine, _ = make_application()
    other, _ = make_application(name="王五")
    services.assign(mine, actor=office, handler=editor_a)
    client.force_login(editor_a)
    listing = client.get(BASE).content.decode()
    assert mine.number in listing and other.number not in listing
    detail = client.get(f"{BASE}{mine.pk}/").content.decode()
    assert resident_id() in detail and "13800138000" in detail
    reveals = AuditEvent.objects.filter(action="personal_data.viewed", actor=editor_a)
    assert list(reveals.values_list("target_pk", flat=True)) == [str(mine.pk)]
    assert client.get(f"{BASE}{other.pk}/").status_code == 403


def test_supervisor_reads_cases_masked_and_changes_nothing(client, supervisor):
    """Rule 2 of issue 17: the supervisor reads every case, personal data masked, and takes
    no step (this test once asserted the supervisor could not open a case at all)."""
    application, _ = make_application()
    client.force_login(supervisor)
    assert application.number in client.get(BASE).content.decode()
    detail = client.get(f"{BASE}{application.pk}/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert resident_id() not in html and "13800138000" not in html and "张*" in html
    assert 'data-action="accept"' not in html
    assert not AuditEvent.objects.filter(action="personal_data.viewed").exists()
    response = client.post(f"{BASE}{application.pk}/actions/accept/", {"note": "受理"})
    assert response.status_code == 403
    assert Application.objects.get(pk=application.pk).status == application.status
    assert client.get(f"{BASE}export/").status_code == 403
    assert client.get(f"{BASE}new/").status_code == 403


def test_a_supervisor_opening_a_case_letter_is_on_record(client, office, supervisor):
    """A letter names and addresses the applicant: the supervisor may read it, and the audit
    log records that unmasked read."""
    application, _ = make_application()
    services.accept(application, actor=office)
    letter = application.letters.get()
    client.force_login(supervisor)
    response = client.get(f"{BASE}letters/{letter.pk}.docx")
    assert response.status_code == 200
    reveal = AuditEvent.objects.get(action="personal_data.viewed", actor=supervisor)
    assert reveal.target_pk == str(application.pk)


def test_detail_shows_deadline_explanation_and_actions(client, office):
    application, _ = make_application()
    client.force_login(office)
    html = client.get(f"{BASE}{application.pk}/").content.decode()
    assert "期限如何计算" in html and "答复期限：15个工作日" in html
    assert 'data-action="accept"' in html and 'data-action="archive"' not in html
    assert AuditEvent.objects.get(action="personal_data.viewed").actor == office


def test_provisional_deadline_warning(client, office):
    application, _ = make_application()
    Application.objects.filter(pk=application.pk).update(
        received_on=D(2026, 12, 20), clock_start=D(2026, 12, 20)
    )
    client.force_login(office)
    html = client.get(f"{BASE}{application.pk}/").content.decode()
    assert "2027年节假日安排尚未录入" in html


def test_actions_run_through_post(client, office, head):
    application, _ = make_application()
    client.force_login(office)
    url = f"{BASE}{application.pk}/actions/"
    assert client.get(url + "accept/").status_code == 405
    assert client.post(url + "accept/", {"note": ""}).status_code == 302
    response = client.post(
        url + "extend/", {"approved_by": head.pk, "days": 20, "reason": "检索"}, follow=True
    )
    assert "15" in response.content.decode()  # capped at 15
    assert Application.objects.get().extension_days == 0
    client.post(url + "answer/", {"outcome": "3.1", "reply_text": "不予公开。"})
    assert Application.objects.get().status == Status.ACCEPTED  # reason missing
    client.post(url + "answer/", {"outcome": "1", "reply_text": "予以公开，见附件。"})
    application.refresh_from_db()
    assert application.status == Status.ANSWERED and application.outcome == "1"
    letter = application.letters.get(kind="reply")
    response = client.get(f"{BASE}letters/{letter.pk}.docx")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"
    assert client.post(url + "nonsense/").status_code == 404


def test_staff_register_letter_application(client, office, today):
    client.force_login(office)
    data = {**applicant(name="来信人"), "channel": "letter", "received_on": "2026-11-20"}
    response = client.post(f"{BASE}new/", data, follow=True)
    application = Application.objects.get()
    assert application.channel == "letter" and application.received_on == D(2026, 11, 20)
    assert application.created_by == office
    assert "查询码" in response.content.decode()
    assert application.events.get().kind == "registered"
    future = {**data, "received_on": "2099-01-01"}
    assert "不能晚于今天" in client.post(f"{BASE}new/", future).content.decode()


def test_statistics_page_drilldown_and_xlsx(client, office):
    application, _ = make_application(applicant_type="citizen")
    services.answer(application, actor=office, outcome="1", reply_text="予以公开。")
    client.force_login(office)
    html = client.get(f"{BASE}statistics/").content.decode()
    # 表三 in the official wording (regulations.md §5.4 and 更正与补充): （七）总计, not （四）.
    assert "一、本年新收政府信息公开申请数量" in html and "1．属于国家秘密" in html
    assert "（七）总计" in html and "（四）总计" not in html
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in html
    period = "start=2026-09-01&end=2027-08-31"
    cases = client.get(f"{BASE}statistics/cases/?{period}&code=三.1&col=citizen")
    assert application.number in cases.content.decode()
    assert client.get(f"{BASE}statistics/cases/?{period}&code=bogus").status_code == 404
    export = client.get(f"{BASE}statistics/?{period}&format=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).worksheets[0]
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["一"][2] == 1 and rows["三.1"][-1] == 1
    assert (
        rows["三.总计"][1] == "（七）总计"
        and rows["三.4.1"][1].strip() == "1．本机关不掌握相关政府信息"
    )


def test_statistics_are_office_only(client, editor_a):
    client.force_login(editor_a)
    assert client.get(f"{BASE}statistics/").status_code == 403
