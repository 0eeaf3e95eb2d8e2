"""The MoE report carries 清单事项公开情况 — each catalogue item with its disclosure status and
its column link (教办厅函〔2018〕80号 (二): “逐项说明并附栏目链接”, regulations.md §6.5) — and
section 五 is worded as that notice's (五)."""

import importlib
import io

import pytest
from django.apps import apps
from django.urls import reverse
from docx import Document

from tests.factories import catalogue_item, published_disclosure
from xxgk.catalogue.models import CatalogueItemPage
from xxgk.reports import exports, services
from xxgk.reports.defaults import MOE_NAME
from xxgk.reports.models import ReportTemplate
from xxgk.supervision.obligations import Status

pytestmark = pytest.mark.django_db


def _catalogue_table(report):
    for section in report.sections:
        for paragraph in section.paragraphs:
            if paragraph.table is not None and paragraph.table.title == "清单事项公开情况表":
                return section.heading, paragraph.table
    raise AssertionError("no catalogue table")


def test_moe_draft_lists_every_item_with_status_and_link(templates, office, dept_a, item_a):
    published_disclosure(item=item_a, department=dept_a, author=office, title="2026年招生章程")
    draft = services.generate_draft(templates, 2026, user=office)
    report = services.render_draft(draft, linked=False)
    heading, table = _catalogue_table(report)
    assert heading == "八、清单事项公开情况表"
    assert [c.text for c in table.rows[0]] == ["公开事项", "公开情况", "本期公开信息数", "栏目链接"]
    rows = {row[0].text: [cell.text for cell in row[1:]] for row in table.rows[1:]}
    assert len(rows) == CatalogueItemPage.objects.filter(retired_on__isnull=True).count() == 50
    status, count, link = rows[f"（7）{item_a.title}"]
    assert count == "1" and status in {str(s.label) for s in Status}
    assert link == item_a.get_full_url() and link.endswith("/catalogue/zsks/item-7/")
    # An item no department answers for, with nothing published, says so.
    status, count, _link = rows[f"（35）{catalogue_item('35').title}"]
    assert (status, count) == ("本期未公开", "0")
    # Section 五 in the 2018 notice's words.
    assert "五、因学校信息公开工作受到举报、复议、诉讼的情况" in [
        s.heading for s in report.sections
    ]


def test_links_in_preview_portal_body_and_docx(client, templates, office, item_a):
    draft = services.generate_draft(templates, 2026, user=office)
    client.force_login(office)
    html = client.get(reverse("reports_admin:preview", args=[draft.pk])).content.decode()
    assert f'<a href="{item_a.get_full_url()}">' in html
    report = services.render_draft(draft, linked=False)
    document = Document(io.BytesIO(exports.report_docx(report)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert item_a.get_full_url() in cells


def test_migration_brings_an_existing_moe_template_in_line(templates):
    migration = importlib.import_module(
        "xxgk.reports.migrations.0005_moe_template_wording_of_2018_notice"
    )
    old = [
        {**s, "heading": migration.OLD_HEADING} if s["heading"].startswith("五、") else s
        for s in templates.sections
        if "清单事项" not in s["text"]
    ]
    ReportTemplate.objects.filter(pk=templates.pk).update(sections=old)
    migration.follow_2018_notice(apps, None)
    migration.follow_2018_notice(apps, None)  # twice: no second table
    sections = ReportTemplate.objects.get(name=MOE_NAME).sections
    headings = [s["heading"] for s in sections]
    assert "五、因学校信息公开工作受到举报、复议、诉讼的情况" in headings
    assert sum("【表格：清单事项】" in s["text"] for s in sections) == 1
    assert sections == templates.sections  # the same as a fresh install's
