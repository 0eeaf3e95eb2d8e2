"""Publishing the report: filed under catalogue item 6, public only after the confidentiality
review, identified by its period (school year and calendar year side by side), counted by
supervision; and the deadline reminder before 31 October."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import catalogue_item, make_responsible
from xxgk.disclosures.models import AnnualReportPage
from xxgk.disclosures.services import file_report
from xxgk.reports import services
from xxgk.reports.defaults import GOV_NAME
from xxgk.reports.models import AnnualReportDraft, PeriodKind, ReportReminder, ReportTemplate
from xxgk.review import tasks
from xxgk.review.models import Notice, ReviewRecord
from xxgk.review.services import (
    PublishRefused,
    annual_report_status,
    remind_annual_report,
    submit_annual_report,
    submit_for_review,
)
from xxgk.supervision.obligations import Status
from xxgk.supervision.periods import Period
from xxgk.supervision.selectors import obligation_set

pytestmark = pytest.mark.django_db
d = datetime.date.fromisoformat


def approve(page, reviewer):
    """The reviewer approves the submitted report with a full 保密审查单."""
    from xxgk.review.models import CHECKLIST
    from xxgk.review.services import decide_review

    page.refresh_from_db()
    return decide_review(
        page.current_workflow_state.current_task_state,
        user=reviewer,
        decision="approved",
        opinion="经审查，同意公开。",
        basis="《中华人民共和国保守国家秘密法》",
        checklist={field: False for field, _ in CHECKLIST},
        scan_acknowledged=True,
    )


@pytest.fixture
def seed_draft(seed_year):
    return AnnualReportDraft.objects.select_related("template").get(year=seed_year)


def test_publishing_goes_through_review_under_item_6(client, seed_draft, office, reviewer):
    page = submit_annual_report(seed_draft, user=office)

    item = catalogue_item("6")
    assert item.title == "信息公开年度报告"
    assert page.get_parent().pk == item.pk and page.catalogue_item_id == item.pk
    assert not page.live, "submitting must not publish"
    assert annual_report_status(page) == "审查中"
    assert "推送官方微博323篇" in page.get_latest_revision_as_object().body
    assert page.document.file.name.endswith(".pdf")
    assert AnnualReportDraft.objects.get(pk=seed_draft.pk).report_page_id == page.pk
    # Nobody publishes it directly, not even the office.
    with pytest.raises(PublishRefused):
        page.get_latest_revision().publish(user=office)
    assert client.get("/reports/").context["reports"].paginator.count == 0

    record = approve(page, reviewer)
    page.refresh_from_db()
    assert page.live and annual_report_status(page) == "已发布"
    assert ReviewRecord.objects.filter(pk=record.pk, page=page, decision="approved").exists()
    assert page.index_number.split("-")[2] == "06"  # numbered under item 6
    # Listed at /reports/ and in item 6's list on the portal.
    assert [r.pk for r in client.get("/reports/").context["reports"]] == [page.pk]
    item_page = client.get(item.url).content.decode()
    assert page.title in item_page
    response = client.get(page.url)
    assert response.status_code == 200
    assert "2021年9月1日至2022年8月31日" in response.content.decode()


def test_resubmitting_revises_the_same_page_and_the_live_copy_stays(seed_draft, office, reviewer):
    page = submit_annual_report(seed_draft, user=office)
    approve(page, reviewer)
    sections = [*seed_draft.sections, {"heading": "八、附件", "text": "更正说明。"}]
    services.save_draft(seed_draft, title=seed_draft.title, sections=sections, user=office)
    again = submit_annual_report(seed_draft, user=office)
    assert again.pk == page.pk and AnnualReportPage.objects.count() == 1
    again.refresh_from_db()
    assert again.live and "更正说明" not in again.body  # public copy unchanged until approved
    assert annual_report_status(again) == "审查中"
    approve(again, reviewer)
    again.refresh_from_db()
    assert "更正说明" in again.body


def test_gaps_refuse_submission_and_nothing_is_filed(templates, office):
    empty = services.generate_draft(templates, 2030, user=office)
    with pytest.raises(ValidationError, match="还有数据待补"):
        submit_annual_report(empty, user=office)
    assert not AnnualReportPage.objects.exists()


def test_calendar_year_report_is_published_beside_the_school_year_one(seed_draft, office, reviewer):
    government = ReportTemplate.objects.get(name=GOV_NAME)
    calendar = services.generate_draft(government, 2021, user=office)
    school_page = submit_annual_report(seed_draft, user=office)
    calendar_page = submit_annual_report(calendar, user=office)
    assert calendar_page.pk != school_page.pk
    assert (calendar_page.period_kind, calendar_page.period_start, calendar_page.period_end) == (
        PeriodKind.CALENDAR_YEAR,
        d("2021-01-01"),
        d("2021-12-31"),
    )
    approve(calendar_page, reviewer)
    calendar_page.refresh_from_db()
    assert calendar_page.live and calendar_page.period_label == "2021年"
    # A period identifies a report: a second page for the same period is refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualReportPage.objects.filter(pk=school_page.pk).update(
            period_kind=PeriodKind.CALENDAR_YEAR,
            period_start=calendar_page.period_start,
            period_end=calendar_page.period_end,
        )


def test_published_report_counts_for_item_6_in_supervision(office, reviewer, dept_a, dept_b):
    from xxgk_demo.pdf import make_document

    make_responsible(catalogue_item("6"), dept_b, by=office)
    period = Period(d("2022-09-01"), d("2022-12-31"))
    [before] = obligation_set(period, today=d("2022-11-30")).obligations
    assert (before.department_id, before.status) == (dept_b.pk, Status.NEVER)

    page = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=2021,
        title="2021-2022学年信息公开工作报告",
        body="<p>正文</p>",
        document=make_document("报告", "党委办公室", d("2022-10-20")),
        publication_date=d("2022-10-20"),
    )
    # The office (of dept_a) files it in the name of the department answering for item 6.
    assert page.publishing_department_id == dept_b.pk
    submit_for_review(page, user=office)
    approve(page, reviewer)
    [after] = obligation_set(period, today=d("2022-11-30")).obligations
    assert after.status == Status.ON_TIME


def test_report_item_missing_is_a_clear_error(seed_draft, office):
    item = catalogue_item("6")
    item.retired_on, item.retired_reason = d("2020-01-01"), "测试"
    item.save(update_fields=["retired_on", "retired_reason"])
    with pytest.raises(ValidationError, match="信息公开年度报告"):
        submit_annual_report(seed_draft, user=office)
    assert not AnnualReportPage.objects.exists()


def test_desk_publish_button_submits_for_review(client, office, seed_draft):
    client.force_login(office)
    response = client.post(reverse("reports_admin:publish", args=[seed_draft.pk]), follow=True)
    assert "已提交保密审查" in response.content.decode()
    preview = client.get(reverse("reports_admin:preview", args=[seed_draft.pk])).content.decode()
    assert "门户报告：审查中" in preview
    assert not AnnualReportPage.objects.get().live


# --- The deadline reminder (31 October 2022 is a Monday; 1–7 October are holidays) ---------


def test_reminder_starts_n_working_days_before_31_october_once_a_day(seed_year, office):
    assert remind_annual_report(d("2022-10-14")) == []  # 11 working days left
    [reminder] = remind_annual_report(d("2022-10-17"))  # 10 left
    assert (reminder.period_kind, reminder.year, reminder.due) == (
        PeriodKind.SCHOOL_YEAR,
        2021,
        d("2022-10-31"),
    )
    assert "2021-2022学年" in reminder.message and "还剩 10 个工作日" in reminder.message
    assert Notice.objects.filter(recipient=office, message=reminder.message).count() == 1
    assert [m.to for m in mail.outbox] == [[office.email]]
    # Idempotent per day: the scheduler and cron may both run.
    assert remind_annual_report(d("2022-10-17")) == []
    assert tasks.remind_annual_report(d("2022-10-17")) == []
    assert ReportReminder.objects.count() == 1
    assert len(remind_annual_report(d("2022-10-18"))) == 1
    assert remind_annual_report(d("2022-11-01")) == []  # supervision urges after


def test_no_reminder_once_published_but_while_in_review(seed_draft, office, reviewer):
    page = submit_annual_report(seed_draft, user=office)
    [reminder] = remind_annual_report(d("2022-10-20"))
    assert "审查中" in reminder.message
    approve(page, reviewer)
    assert remind_annual_report(d("2022-10-21")) == []


def test_no_reminder_once_a_report_of_a_school_year_starting_in_august_is_live(
    db, office, reviewer
):
    august = services.save_template(
        ReportTemplate(),
        name="八月起学年",
        period_kind=PeriodKind.SCHOOL_YEAR,
        title="{{ school }}{{ year_label }}信息公开工作报告",
        sections=[{"heading": "一、概述", "text": "公开信息{{ disclosures.total }}条。"}],
        start_month=8,
        start_day=1,
        user=office,
    )
    page = submit_annual_report(services.generate_draft(august, 2021, user=office), user=office)
    assert page.period_start == d("2021-08-01")
    assert "审查中" in remind_annual_report(d("2022-10-20"))[0].message
    approve(page, reviewer)
    assert remind_annual_report(d("2022-10-21")) == []


def test_calendar_year_report_reminded_only_when_the_school_uses_it(templates, office):
    assert [r.period_kind for r in remind_annual_report(d("2023-01-20"))] == []
    government = ReportTemplate.objects.get(name=GOV_NAME)
    services.generate_draft(government, 2022, user=office)
    [reminder] = remind_annual_report(d("2023-01-30"))
    assert reminder.period_kind == PeriodKind.CALENDAR_YEAR and reminder.due == d("2023-01-31")


def test_scheduler_callable_task_and_command(db, office, capsys):
    assert isinstance(tasks.remind_annual_report(), list)  # no required arguments
    assert tasks.remind_annual_report_task.name == "remind_annual_report_task"
    call_command("remind_annual_report", "--date", "2022-10-31", "--days", "3")
    assert "还剩 0 个工作日" in capsys.readouterr().out
    call_command("remind_annual_report", "--date", "2022-10-31")
    assert "没有需要提醒的年度报告" in capsys.readouterr().out
    with pytest.raises(CommandError, match="日期格式不正确"):
        call_command("remind_annual_report", "--date", "2022-13-01")
