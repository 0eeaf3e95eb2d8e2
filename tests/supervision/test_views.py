"""The back office: who sees what, bad input, exports, bounded queries."""

import datetime
from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import TEST_PASSWORD, DepartmentFactory, StaffFactory
from xxgk.orgs.roles import Role
from xxgk.supervision.models import Inspection, PendingInformation, SupervisionAction

from .conftest import d

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("supervision:dashboard")


def login(client, user):
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.mark.parametrize("role", ["office", "supervisor", "leader"])
def test_dashboard_for_office_supervisors_and_leaders(client, request, role, item_a, item_b):
    response = login(client, request.getfixturevalue(role)).get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="compliance-matrix"' in html and "从未公开" in html
    assert ("记录监督检查" in html) is (role == "office")


def test_dashboard_markup_escapes_names_and_keeps_the_period_in_links(client, office, responsible):
    department = DepartmentFactory(name='研究<院>&"')
    responsible("21", department)  # a continuous item never published: "never"
    html = login(client, office).get(DASHBOARD, {"school_year": "2021", "x": "1"})
    html = html.content.decode()
    assert "<院>" not in html
    name = "研究&lt;院&gt;&amp;&quot;"
    link = reverse("supervision:department", args=[department.code])
    assert f'<th scope="row"><a href="{link}?school_year=2021&amp;x=1">{name}</a></th>' in html
    assert f'title="{name} · ' in html
    assert f'<td><a href="{link}">{name}</a></td><td>21. ' in html  # the overdue list


def test_editors_and_anonymous_are_kept_out(client, editor_a):
    assert client.get(DASHBOARD).status_code == 302
    response = login(client, editor_a).get(DASHBOARD)
    assert response.status_code == 403
    assert "只有信息公开办公室" in response.content.decode()


def test_editor_sees_only_their_own_department(client, editor_a, dept_a, dept_b, item_a):
    login(client, editor_a)
    own = client.get(reverse("supervision:department", args=[dept_a.code]))
    assert own.status_code == 200
    assert "招生章程" in own.content.decode()
    assert client.get(reverse("supervision:department", args=[dept_b.code])).status_code == 403
    for name in ("export_matrix", "export_overdue"):
        assert client.get(reverse(f"supervision:{name}")).status_code == 403


def test_editor_home_page_lists_own_obligations(client, editor_a, dept_a, dept_b, responsible):
    # Continuous items never published are "never" in any current period.
    responsible("21", dept_a)
    responsible("1", dept_b)
    html = login(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-testid="editor-obligations"' in html
    assert "21. 收费项目" in html and "从未公开" in html
    assert "1. 办学规模" not in html


@pytest.mark.parametrize("role", ["supervisor", "leader"])
def test_supervisors_and_leaders_are_read_only(client, request, role, dept_a):
    login(client, request.getfixturevalue(role))
    handling = client.post(reverse("supervision:handling", args=[dept_a.code]), {"note": "约谈"})
    assert handling.status_code == 403
    assert not SupervisionAction.objects.exists()
    assert client.get(reverse("inspections:index")).status_code == 200
    assert client.get(reverse("inspections:add")).status_code in (302, 403)
    added = client.post(
        reverse("inspections:add"),
        {"department": dept_a.pk, "inspected_on": "2022-05-01", "result": "no_issues"},
    )
    assert added.status_code in (302, 403)
    assert not Inspection.objects.exists()


def test_office_records_inspection_and_overdue_rectification_shows(client, office, dept_a):
    login(client, office)
    response = client.post(
        reverse("inspections:add"),
        {
            "department": dept_a.pk,
            "inspected_on": "2022-03-01",
            "findings": "招生信息更新不及时",
            "rectification_deadline": "2022-03-31",
            "result": "open",
        },
    )
    assert response.status_code == 302
    assert Inspection.objects.get().recorded_by == office
    html = client.get(DASHBOARD).content.decode()
    assert "招生信息更新不及时" in html and "逾期未整改" in html


def test_inspection_without_deadline_is_refused(client, office, dept_a):
    response = login(client, office).post(
        reverse("inspections:add"),
        {"department": dept_a.pk, "inspected_on": "2022-03-01", "findings": "有问题"},
    )
    assert response.status_code == 200
    assert "发现问题的检查须规定整改期限" in response.content.decode()
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2022-09-01", "end": "2022-01-01"}, "结束日期不能早于开始日期"),
        ({"start": "2022-02-30", "end": "2022-03-01"}, "请输入正确的日期"),
        ({"start": "2022-02-01"}, "须同时填写开始日期和结束日期"),
        ({"school_year": "1900"}, "请选择列表中的学年"),
        ({"start": "2010-01-01", "end": "2022-01-01"}, "统计期间最长为五年"),
    ],
)
def test_bad_periods_answer_400_in_chinese(client, office, query, message):
    login(client, office)
    response = client.get(DASHBOARD, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    export = client.get(reverse("supervision:export_matrix"), query)
    assert export.status_code == 400 and message in export.content.decode()


def test_exports_are_real_workbooks(client, office, item_a, item_b):
    login(client, office)
    query = {"school_year": "2021"}
    matrix = client.get(reverse("supervision:export_matrix"), query)
    assert matrix["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(matrix.content))
    assert book.sheetnames == ["合规矩阵", "全部义务", "说明"]
    rows = list(book["合规矩阵"].iter_rows(values_only=True))
    assert rows[0][0] == "部门" and rows[0][2].startswith("2. 招生考试信息")
    assert any(r[0] == "招生办公室" and "从未公开" in r[2] for r in rows[1:])
    overdue = load_workbook(
        BytesIO(client.get(reverse("supervision:export_overdue"), query).content)
    )
    failing = list(overdue["逾期与陈旧"].iter_rows(values_only=True))
    assert {r[1] for r in failing[1:]} == {"7", "19"}


def test_editor_records_pending_information(client, editor_a, item_a, item_b):
    login(client, editor_a)
    url = reverse("supervision:pending_add")
    form = client.get(url).content.decode()
    assert "7. 招生章程" in form and "19. 收支预算" not in form
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    refused = client.post(
        url, {"item": item_a.pk, "title": "特殊类型招生办法", "formed_on": future}
    )
    assert refused.status_code == 400 and "不能晚于今天" in refused.content.decode()
    foreign = client.post(url, {"item": item_b.pk, "title": "预算", "formed_on": "2022-03-01"})
    assert foreign.status_code == 400
    bad_date = client.post(url, {"item": item_a.pk, "title": "办法", "formed_on": "2022-02-30"})
    assert "请输入正确的日期" in bad_date.content.decode()
    assert not PendingInformation.objects.exists()
    created = client.post(
        url, {"item": item_a.pk, "title": "特殊类型招生办法", "formed_on": "2022-03-01"}
    )
    assert created.status_code == 302
    record = PendingInformation.objects.get()
    assert (record.department, record.recorded_by) == (editor_a.staff_profile.department, editor_a)


def test_editor_cannot_cancel_another_departments_record(client, editor_b, office, dept_a, item_a):
    from xxgk.supervision.services import record_pending

    record = record_pending(
        user=office, item=item_a, title="章程", formed_on=d("2022-03-01"), department=dept_a
    )
    response = login(client, editor_b).post(
        reverse("supervision:pending_cancel", args=[record.pk]), {"reason": "误登"}
    )
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.cancelled_reason == ""


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD, {"school_year": "2021"})
    assert response.status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_departments_or_disclosures(
    client, office, responsible, publish
):
    login(client, office)
    first = [DepartmentFactory() for _ in range(2)]
    responsible("2", *first)
    responsible("21", *first)
    publish(responsible("6", first[0]), first[0], d("2021-10-20"))
    _dashboard_queries(client)  # the first request also creates one-off rows (2FA policy)
    cache.clear()
    baseline = _dashboard_queries(client)
    more = [DepartmentFactory() for _ in range(6)]
    responsible("2", *first, *more)
    responsible("21", *first, *more)
    item = responsible("6", first[0], *more)
    for department in more:
        StaffFactory(roles=[Role.EDITOR], department=department)
        publish(item, department, d("2021-10-25"))
        publish(item, department, d("2022-04-02"), formed_on=d("2022-03-30"))
    assert _dashboard_queries(client) == baseline
    assert baseline <= 40  # Wagtail's admin shell (menu, session, user) included
