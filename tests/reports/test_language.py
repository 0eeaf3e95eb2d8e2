"""The desk speaks the office's language; the statutory report is Chinese whatever it is."""

import pytest
from django.utils import translation

from xxgk.reports import exports, services
from xxgk.reports.forms import TemplateForm

pytestmark = pytest.mark.django_db


def test_the_report_is_rendered_in_chinese_under_an_english_admin(templates, office):
    with translation.override("en"):
        draft = services.generate_draft(templates, 2023, user=office)
        report = services.render_draft(draft, linked=False)
        docx = exports.report_docx(report)
        assert translation.get_language() == "en"  # the override ends with the report
    text = "\n".join(p.text for s in report.sections for p in s.paragraphs)
    assert "推送官方微博【待补：官方微博发布篇数】篇" in text
    assert docx[:2] == b"PK"


def test_the_desk_forms_speak_english():
    with translation.override("en"):
        assert str(TemplateForm().fields["start_month"].label) == "School year start month"
