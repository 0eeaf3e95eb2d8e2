"""Templates, drafts with history, exports and the report desk (publishing and the reminder:
test_publishing.py)."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from xxgk.reports import exports, registry, services
from xxgk.reports.models import AnnualReportDraft, DraftRevision

pytestmark = pytest.mark.django_db


def test_generate_from_template_marks_gaps(templates, office):
    draft = services.generate_draft(templates, 2023, user=office)
    report = services.render_draft(draft, linked=False)
    text = "\n".join(p.text for s in report.sections for p in s.paragraphs)
    assert "推送官方微博【待补：官方微博发布篇数】篇" in text
    assert "官方微博发布篇数" in report.gaps
    assert DraftRevision.objects.get(draft=draft).note == "由模板生成"
    with pytest.raises(ValidationError, match="已有此模板的报告草稿"):
        services.generate_draft(templates, 2023, user=office)


def test_only_the_office_edits(templates, editor_a):
    with pytest.raises(PermissionDenied):
        services.generate_draft(templates, 2023, user=editor_a)


def test_next_year_starts_from_last_years_text(templates, office):
    first = services.generate_draft(templates, 2022, user=office)
    sections = [*first.sections, {"heading": "八、附录", "text": "本年度新增附录。"}]
    services.save_draft(first, title=first.title, sections=sections, user=office)
    second = services.generate_draft(templates, 2023, user=office)
    assert second.sections[-1]["heading"] == "八、附录"
    assert second.title == "衢州学院2023-2024学年信息公开工作报告"
    assert second.revisions.get().note == "由2022年度草稿生成"


def test_save_validates_and_keeps_history_and_restores(templates, office):
    draft = services.generate_draft(templates, 2023, user=office)
    original = draft.sections
    with pytest.raises(ValidationError) as error:
        services.save_draft(
            draft,
            title="标题",
            sections=[
                {"heading": "一", "text": "共{{ no.such.code }}条"},
                {"heading": "二", "text": "{% load static %}"},
                {"heading": "三", "text": "{% if requests.received %}未结束"},
                {"heading": "", "text": "无标题"},
            ],
            user=office,
        )
    messages = " ".join(error.value.messages)
    assert "未知的数据项：no.such.code" in messages
    assert "只能使用 if/elif/else/endif 标签" in messages
    assert "模板语法错误" in messages
    assert "第4节缺少标题" in messages
    draft.refresh_from_db()
    assert draft.sections == original

    services.save_draft(
        draft, title="新标题", sections=[{"heading": "一、概述", "text": "改写"}], user=office
    )
    assert draft.revisions.count() == 2
    first = draft.revisions.order_by("created_at", "pk").first()
    services.restore_revision(draft, first, user=office)
    draft.refresh_from_db()
    assert draft.sections == original
    assert draft.revisions.count() == 3


def test_office_text_is_escaped_in_the_html_preview(templates, office):
    draft = services.generate_draft(templates, 2023, user=office)
    services.save_draft(
        draft,
        title="t",
        sections=[{"heading": "一", "text": "<script>x</script>{{ requests.received }}"}],
        user=office,
    )
    [section] = services.render_draft(draft).sections
    html = section.paragraphs[0].html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="report-figure"' in html


def test_government_template_uses_the_calendar_year(db, office):
    from xxgk.reports.defaults import GOV_NAME
    from xxgk.reports.models import ReportTemplate

    services.ensure_default_templates()
    template = ReportTemplate.objects.get(name=GOV_NAME)
    draft = services.generate_draft(template, 2022, user=office)
    report = services.render_draft(draft, linked=False)
    assert (report.period.start, report.period.end) == (
        datetime.date(2022, 1, 1),
        datetime.date(2022, 12, 31),
    )
    assert services.due_date(template.period_kind, 2022) == datetime.date(2023, 1, 31)


def test_exports_open_and_contain_the_figures(seed_year):
    draft = AnnualReportDraft.objects.get(year=seed_year)
    report = services.render_draft(draft, linked=False)
    docx = Document(io.BytesIO(exports.report_docx(report, signed_on=datetime.date(2022, 10, 31))))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "推送官方微博323篇，总阅读量707220" in text
    assert "七、其他需要报告的事项" in text
    assert "2022年10月31日" in text
    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "PAGE" in section.footer._element.xml
    assert docx.paragraphs[0].style.name == "公文标题"
    assert docx.paragraphs[0].style.font.name == "方正小标宋简体"
    pdf = PdfReader(io.BytesIO(exports.report_pdf(report)))
    pdf_text = "".join(page.extract_text() for page in pdf.pages)
    for number in ["323", "707220", "468429", "2913", "2090", "162"]:
        assert number in pdf_text
    assert len(pdf.pages) >= 2


# --- Admin views -------------------------------------------------------------------------------


def test_editors_and_reviewers_do_not_reach_the_desk(client, editor_a, reviewer, templates):
    for user in (editor_a, reviewer):
        client.force_login(user)
        assert client.get(reverse("reports_admin:desk")).status_code == 403
        assert client.get(reverse("registers_admin:import")).status_code == 403


@pytest.mark.parametrize("role", ["supervisor", "leader"])
def test_supervisors_and_leaders_read_the_desk_and_change_nothing(
    client, request, role, office, templates
):
    """Issue 17: the supervisor reads the report desk, the leader sees the report; neither
    generates, edits, restores, imports or submits anything."""
    draft = services.generate_draft(templates, 2023, user=office)
    revision = draft.revisions.get()
    client.force_login(request.getfixturevalue(role))
    desk = client.get(reverse("reports_admin:desk"))
    assert desk.status_code == 200 and draft.title in desk.content.decode()
    assert 'data-testid="generate"' not in desk.content.decode()
    assert reverse("registers_admin:import") not in desk.content.decode()
    preview = client.get(reverse("reports_admin:preview", args=[draft.pk]))
    assert preview.status_code == 200 and 'data-testid="publish"' not in preview.content.decode()
    assert client.get(reverse("reports_admin:revisions", args=[draft.pk])).status_code == 200
    docx = client.get(reverse("reports_admin:export", args=[draft.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    for url, data in (
        (reverse("reports_admin:generate"), {"template": templates.pk, "year": 2024}),
        (reverse("reports_admin:edit", args=[draft.pk]), {"title": "改"}),
        (reverse("reports_admin:restore", args=[draft.pk, revision.pk]), {}),
        (reverse("reports_admin:publish", args=[draft.pk]), {}),
        (reverse("reports_admin:template_new"), {"name": "新模板"}),
        (reverse("registers_admin:import"), {"kind": "admissions"}),
    ):
        assert client.post(url, data).status_code == 403, url
    draft.refresh_from_db()
    assert AnnualReportDraft.objects.count() == 1 and draft.revisions.count() == 1
    assert draft.report_page is None


def test_office_desk_generate_preview_drilldown_export(client, office, seed_year):
    client.force_login(office)
    desk = client.get(reverse("reports_admin:desk"))
    assert desk.status_code == 200
    assert "2022年10月31日" in desk.content.decode()
    # The registers' import page, linked through the desk's hook.
    assert f'href="{reverse("registers_admin:import")}"' in desk.content.decode()
    draft = AnnualReportDraft.objects.get(year=seed_year)
    preview = client.get(reverse("reports_admin:preview", args=[draft.pk])).content.decode()
    link = reverse("reports_admin:drilldown", args=[draft.pk, "procurement.intention"])
    assert f'href="{link}"' in preview
    drill = client.get(link)
    assert drill.status_code == 200
    assert drill.context["records"].paginator.count == 35
    assert (
        client.get(reverse("reports_admin:drilldown", args=[draft.pk, "no.such"])).status_code
        == 404
    )
    docx = client.get(reverse("reports_admin:export", args=[draft.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    pdf = client.get(reverse("reports_admin:export", args=[draft.pk, "pdf"]))
    assert pdf.content[:4] == b"%PDF"
    response = client.post(
        reverse("reports_admin:generate"), {"template": draft.template.pk, "year": 2021}
    )
    assert response.status_code == 302
    assert AnnualReportDraft.objects.count() == 1


def test_edit_draft_sections_add_reorder_delete(client, office, templates):
    client.force_login(office)
    draft = services.generate_draft(templates, 2023, user=office)
    data = {
        "title": "改过的标题",
        "sections-TOTAL_FORMS": "3",
        "sections-INITIAL_FORMS": "2",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
        "sections-0-heading": "甲",
        "sections-0-text": "甲文",
        "sections-0-ORDER": "2",
        "sections-1-heading": "乙",
        "sections-1-text": "乙文",
        "sections-1-ORDER": "1",
        "sections-1-DELETE": "on",
        "sections-2-heading": "丙",
        "sections-2-text": "丙文{{ requests.received }}",
        "sections-2-ORDER": "1",
    }
    response = client.post(reverse("reports_admin:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "改过的标题"
    assert [s["heading"] for s in draft.sections] == ["丙", "甲"]
    data["sections-2-text"] = "{{ bad.code }}"
    response = client.post(reverse("reports_admin:edit", args=[draft.pk]), data)
    assert response.status_code == 200
    assert "未知的数据项：bad.code" in response.content.decode()


def test_every_figure_in_the_preview_links_to_its_records(client, office, seed_year):
    """Every figure a template can cite, printed in a draft, links to its drill-down."""
    client.force_login(office)
    draft = AnnualReportDraft.objects.get(year=seed_year)
    codes = sorted(registry.figures())
    text = "\n".join(f"{code}：{{{{ {code} }}}}" for code in codes)
    services.save_draft(
        draft, title=draft.title, sections=[{"heading": "全部数据项", "text": text}], user=office
    )
    preview = client.get(reverse("reports_admin:preview", args=[draft.pk])).content.decode()
    for code in codes:
        link = reverse("reports_admin:drilldown", args=[draft.pk, code])
        assert f'href="{link}"' in preview, code
        assert client.get(link).status_code == 200, code
