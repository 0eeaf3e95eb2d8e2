"""The annual report's pages moved from reports to disclosures (disclosures 0005, reports 0006):
tables kept, content types relabelled in place, so a report filed before the move keeps its
class, revisions and permissions."""

import datetime
import importlib

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from tests.factories import catalogue_item, make_responsible
from xxgk.disclosures.models import AnnualReportPage
from xxgk.disclosures.services import file_report
from xxgk.reports.models import PeriodKind

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "xxgk.disclosures.migrations.0005_annual_report_pages_from_reports"
)
MIGRATION = ("disclosures", "0005_annual_report_pages_from_reports")


def _relabel(from_app, to_app):
    apps = MigrationExecutor(connection).loader.project_state(MIGRATION).apps
    migration.relabel_content_types(from_app, to_app)(apps, None)
    ContentType.objects.clear_cache()


def test_a_report_filed_before_the_move_keeps_its_class(office, dept_a):
    make_responsible(catalogue_item("6"), dept_a, by=office)
    page = file_report(
        user=office,
        period_kind=PeriodKind.SCHOOL_YEAR,
        year=2021,
        title="2021-2022学年信息公开工作报告",
        body="<p>正文</p>",
        publication_date=datetime.date(2022, 10, 20),
    )
    content_type = ContentType.objects.get_for_model(AnnualReportPage)
    # As before the move: the same row, labelled with the reports app.
    ContentType.objects.filter(pk=content_type.pk).update(app_label="reports")
    ContentType.objects.clear_cache()

    _relabel("reports", "disclosures")

    assert ContentType.objects.get(pk=content_type.pk).app_label == "disclosures"
    assert not ContentType.objects.filter(app_label="reports", model="annualreportpage").exists()
    specific = Page.objects.get(pk=page.pk).specific
    assert isinstance(specific, AnnualReportPage) and specific.period_start.year == 2021
    assert isinstance(specific.get_latest_revision_as_object(), AnnualReportPage)
    assert Permission.objects.get(
        content_type__app_label="disclosures", codename="change_annualreportpage"
    )

    # Backwards, the label goes back; forwards again, it comes back.
    _relabel("disclosures", "reports")
    assert ContentType.objects.get(pk=content_type.pk).app_label == "reports"
    _relabel("reports", "disclosures")
    assert ContentType.objects.get(pk=content_type.pk).app_label == "disclosures"
