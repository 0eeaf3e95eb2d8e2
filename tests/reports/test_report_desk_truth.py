"""The desk tells the truth (issue #20, point 10): the state comes from the report record itself,
the figures that differ between the draft (counted now) and the filed report are listed with
why, and an export is named for the school and year and dated with the report's own date."""

import datetime
import io
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from xxgk.disclosures.services import file_report
from xxgk.registers.models import ProcurementKind, ProcurementNotice
from xxgk.reports.models import AnnualReportDraft, PeriodKind
from xxgk.reports.registry import Period
from xxgk.reports.services import record_figures
from xxgk.review.services import submit_annual_report, submit_for_review

from .test_publishing import approve

pytestmark = pytest.mark.django_db

# The seed report (xxgk_demo/data/report_2021_2022.txt) states these: “累计公开各类信息2092条”,
# “分散采购信息公示162条”; it was published on 31 October 2022.
SEED_DISCLOSURES, SEED_DECENTRALISED = 2092, 162
SEED_DAY = datetime.date(2022, 10, 31)
SCHOOL_YEAR = Period(datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
FILENAME = "衢州学院-2021-2022学年-信息公开工作年度报告"


@pytest.fixture
def seed_draft(seed_year):
    return AnnualReportDraft.objects.select_related("template").get(year=seed_year)


def draft_row(client, draft) -> str:
    """The desk's row of `draft` and the row under it (the differences), as HTML."""
    html = client.get(reverse("reports_admin:desk")).content.decode()
    start = html.index(f'data-testid="draft-{draft.pk}"')
    ends = [html.find(mark, start + 1) for mark in ('data-testid="draft-', "报告模板</h2>")]
    return html[start : min(end for end in ends if end > 0)]


def export(client, draft, fmt):
    response = client.get(reverse("reports_admin:export", args=[draft.pk, fmt]))
    assert response.status_code == 200
    return response


def test_a_report_published_outside_the_desk_is_published_not_overdue(
    client, seed_draft, office, reviewer
):
    """The walk-through's 已逾期1495天 / 未提交 and 193 against 2092: the report of 2021-2022 was
    published four years after its due date of 31 October 2022, filed as the demo files it (not
    from this draft), with the seed's figures kept; the demo's records hold far fewer
    disclosures than the seed's 2092."""
    report = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=2021,
        title="衢州学院2021-2022学年信息公开工作报告",
        body="<p>累计公开各类信息2092条。</p>",
        publication_date=SEED_DAY,
    )
    submit_for_review(report, user=office)
    approve(report, reviewer)
    assert seed_draft.report_page is None  # never linked to the draft
    client.force_login(office)

    row = draft_row(client, seed_draft)
    assert "已发布" in row and "（2022年10月31日发布）" in row
    assert "已逾期" not in row and "未提交" not in row
    preview = client.get(reverse("reports_admin:preview", args=[seed_draft.pk])).content.decode()
    assert "门户报告：已发布" in preview and "已逾期" not in preview
    # No figures were kept with it: the desk says it cannot compare, rather than nothing.
    assert "无法逐项比较" in row

    report.refresh_from_db()
    record_figures(
        PeriodKind.SCHOOL_YEAR,
        SCHOOL_YEAR,
        {"disclosures.total": SEED_DISCLOSURES, "procurement.decentralised": SEED_DECENTRALISED},
        filed_on=SEED_DAY,
        filed_at=report.last_published_at - datetime.timedelta(minutes=1),
    )
    row = draft_row(client, seed_draft)
    assert "草稿与已发布的报告有 1 项数据不同。" in row
    assert "报告的数据在 2022年10月31日 定稿时冻结" in row
    changed = row[row.index('data-code="disclosures.total"') :]
    assert f"<td>{SEED_DISCLOSURES}</td>" in changed[: changed.index("</tr>")]
    assert 'data-code="procurement.decentralised"' not in row  # the same in both


def test_overdue_only_while_nothing_is_published_or_in_review(client, seed_draft, office):
    client.force_login(office)
    row = draft_row(client, seed_draft)
    assert "已逾期" in row and "未提交" in row
    # Never filed, the draft has no date of its own: its export is undated, not dated today.
    docx = export(client, seed_draft, "docx")
    lines = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert lines[-1] == "衢州学院"
    today = timezone.localdate()
    assert f"{today.year}年{today.month}月{today.day}日" not in "\n".join(lines)

    submit_annual_report(seed_draft, user=office)
    row = draft_row(client, seed_draft)
    assert "审查中" in row and "已逾期" not in row and "未提交" not in row


def test_the_figures_that_changed_since_the_report_was_published_are_listed_with_why(
    client, seed_draft, office, reviewer
):
    submit_annual_report(seed_draft, user=office, today=SEED_DAY)
    approve(seed_draft.report_page, reviewer)
    # Records entered afterwards: two more notices of decentralised procurement in the year.
    for n in (1, 2):
        ProcurementNotice.objects.create(
            kind=ProcurementKind.DECENTRALISED,
            title=f"补录的分散采购公示{n}",
            published_on=datetime.date(2022, 5, n),
            platform="衢州学院招标采购网",
        )
    client.force_login(office)

    row = draft_row(client, seed_draft)
    assert "草稿与已发布的报告有 1 项数据不同。" in row
    assert "报告的数据在 2022年10月31日 定稿时冻结" in row
    changed = row[row.index('data-code="procurement.decentralised"') :]
    changed = changed[: changed.index("</tr>")]
    link = reverse("reports_admin:drilldown", args=[seed_draft.pk, "procurement.decentralised"])
    assert f'<a href="{link}">{SEED_DECENTRALISED + 2}</a>' in changed
    assert f"<td>{SEED_DECENTRALISED}</td>" in changed
    assert 'data-code="procurement.intention"' not in row  # unchanged figures are not listed
    preview = client.get(reverse("reports_admin:preview", args=[seed_draft.pk])).content.decode()
    assert 'data-code="procurement.decentralised"' in preview


def test_exports_are_named_for_the_school_and_year_and_dated_with_the_report(
    client, seed_draft, office, reviewer
):
    submit_annual_report(seed_draft, user=office, today=SEED_DAY)
    approve(AnnualReportDraft.objects.get().report_page, reviewer)
    client.force_login(office)
    today = timezone.localdate()

    pdf = export(client, seed_draft, "pdf")
    assert pdf["Content-Disposition"] == (
        'attachment; filename="annual-report-2021-2022.pdf"; '
        f"filename*=UTF-8''{quote(FILENAME + '.pdf')}"
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "2022年10月31日" in text
    assert f"{today.year}年{today.month}月{today.day}日" not in text

    docx = export(client, seed_draft, "docx")
    assert docx["Content-Disposition"].endswith(f"filename*=UTF-8''{quote(FILENAME + '.docx')}")
    lines = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert lines[-2:] == ["衢州学院", "2022年10月31日"]
