"""The government calendar-year report carries the tables of 国办公开办函〔2021〕30号, and a
template chooses where its school year starts."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from tests.requests.conftest import make_application
from xxgk.registers.models import CadreChange
from xxgk.reports import exports, services
from xxgk.reports.defaults import GOV_NAME, MOE_NAME
from xxgk.reports.models import ReportTemplate
from xxgk.requests import services as request_services
from xxgk.requests.models import Application

D = datetime.date
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def _closed(received_on, outcome, closed_on, **fields):
    application, _ = make_application(received_on=received_on, **fields)
    Application.objects.filter(pk=application.pk).update(
        status="answered", outcome=outcome, closed_on=closed_on
    )
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def year_2026(db, office):
    """A calendar year with a carried-in case, a withheld one under appeal and an open one."""
    _closed(D(2025, 12, 20), "1", D(2026, 1, 5))
    withheld = _closed(D(2026, 3, 10), "3.4", D(2026, 3, 30), applicant_type="enterprise")
    make_application(received_on=D(2026, 11, 2))
    appeal = request_services.record_appeal(
        withheld, actor=office, kind="reconsideration", filed_on=D(2026, 4, 1)
    )
    request_services.decide_appeal(
        appeal, actor=office, result="corrected", decided_on=D(2026, 5, 1)
    )
    services.ensure_default_templates()
    template = ReportTemplate.objects.get(name=GOV_NAME)
    return services.generate_draft(template, 2026, user=office)


def _tables(report):
    return {
        section.heading: p.table
        for section in report.sections
        for p in section.paragraphs
        if p.table is not None
    }


def _row(table, label):
    """A body row by its label, as {column label: cell text}."""
    for row in table.rows[table.header_rows :]:
        if row[0] is not None and row[0].text == label:
            return dict(zip(COLUMNS, [cell.text for cell in row[1:]], strict=True))
    raise AssertionError(f"no row {label}")


def test_calendar_year_draft_carries_the_three_tables(year_2026):
    report = services.render_draft(year_2026, linked=False)
    tables = _tables(report)
    assert set(tables) == {
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    }
    requests = tables["三、收到和处理政府信息公开申请情况"]
    header = [cell.text for row in requests.rows[: requests.header_rows] for cell in row if cell]
    assert header[1:] == ["申请人情况", "自然人", "法人或其他组织", "总计", *COLUMNS[1:6]]
    new = _row(requests, "一、本年新收政府信息公开申请数量")
    assert (new["商业企业"], new["自然人"], new["总计"]) == ("1", "1", "2")
    assert _row(requests, "二、上年结转政府信息公开申请数量")["自然人"] == "1"
    assert _row(requests, "（一）予以公开")["自然人"] == "1"
    assert _row(requests, "4．保护第三方合法权益")["商业企业"] == "1"
    assert _row(requests, "（三）不予公开")["总计"] == "1"
    assert _row(requests, "（七）总计")["总计"] == "2"
    assert _row(requests, "四、结转下年度继续办理")["总计"] == "1"
    labels = [row[0].text for row in requests.rows if row[0] is not None]
    assert labels.index("三、本年度办理结果") < labels.index("（一）予以公开")

    appeals = tables["四、政府信息公开行政复议、行政诉讼情况"]
    assert [cell.text for cell in appeals.rows[-1]][:5] == ["0", "1", "0", "0", "1"]
    assert appeals.rows[0][0].text == "行政复议" and appeals.rows[0][5].text == "行政诉讼"

    disclosures = tables["二、主动公开政府信息情况"]
    assert disclosures.rows[-1][0].text == "合计"
    assert report.gaps == []


def test_table_cells_link_to_their_records_in_the_preview(client, office, year_2026):
    client.force_login(office)
    html = client.get(reverse("reports_admin:preview", args=[year_2026.pk])).content.decode()
    assert html.count('class="report-table"') == 3
    drill = reverse("reports_admin:drilldown", args=[year_2026.pk, "t3.r3_3_4.enterprise"])
    assert f'href="{drill}"' in html
    page = client.get(drill)
    assert page.status_code == 200
    assert Application.objects.get(outcome="3.4").number in page.content.decode()


def test_tables_in_docx_and_pdf(year_2026):
    report = services.render_draft(year_2026, linked=False)
    docx = Document(io.BytesIO(exports.report_docx(report)))
    assert len(docx.tables) == 3
    requests = docx.tables[1]
    texts = [[cell.text for cell in row.cells] for row in requests.rows]
    new = next(row for row in texts if row[0] == "一、本年新收政府信息公开申请数量")
    assert new[1:] == ["1", "1", "0", "0", "0", "0", "2"]
    assert texts[0][1] == "申请人情况" and texts[1][2] == "法人或其他组织"  # merged cells
    pdf = PdfReader(io.BytesIO(exports.report_pdf(report)))
    text = "".join(page.extract_text() for page in pdf.pages)
    for caption in [
        "收到和处理政府信息公开申请情况",
        "行政复议、行政诉讼情况",
        "结转下年度继续办理",
    ]:
        assert caption in text


def test_unknown_table_is_refused(db, office):
    services.ensure_default_templates()
    draft = services.generate_draft(ReportTemplate.objects.get(name=GOV_NAME), 2026, user=office)
    with pytest.raises(ValidationError, match="未知的表格：表五"):
        services.save_draft(
            draft,
            title=draft.title,
            sections=[{"heading": "二", "text": "【表格：表五】"}],
            user=office,
        )


def test_school_year_start_is_set_on_the_template(db, office):
    services.ensure_default_templates()
    moe = ReportTemplate.objects.get(name=MOE_NAME)
    assert (moe.period(2021).start, moe.period(2021).end) == (D(2021, 9, 1), D(2022, 8, 31))
    august = services.save_template(
        ReportTemplate(),
        name="八月起学年",
        period_kind="school_year",
        title="{{ school }}{{ year_label }}信息公开工作报告",
        sections=[{"heading": "一、概述", "text": "提任中层干部{{ cadre.promotion.middle }}人。"}],
        start_month=8,
        start_day=1,
        user=office,
    )
    CadreChange.objects.create(
        action="promotion",
        level="middle_chief",
        person="李四",
        position="处长",
        effective_on=D(2021, 8, 15),
    )
    draft = services.generate_draft(august, 2021, user=office)
    report = services.render_draft(draft, linked=False)
    assert (report.period.start, report.period.end) == (D(2021, 8, 1), D(2022, 7, 31))
    assert report.sections[0].paragraphs[0].text == "提任中层干部1人。"
    default = services.render_draft(services.generate_draft(moe, 2021, user=office))
    assert default.values["cadre.promotion.middle"] == 0  # 15 August is the year before


def test_impossible_start_day_is_refused(db, office):
    with pytest.raises(ValidationError) as error:
        services.save_template(
            ReportTemplate(),
            name="二月学年",
            period_kind="school_year",
            title="报告",
            sections=[{"heading": "一", "text": "无。"}],
            start_month=2,
            start_day=30,
            user=office,
        )
    assert "2月没有30日" in str(error.value)
    assert not ReportTemplate.objects.filter(name="二月学年").exists()
