"""Every kind of PDF the site generates embeds its fonts, keeps the line-breaking rules and is
archival (PDF/A-2b)."""

import datetime
import io

from tests.documents.checks import assert_fonts_embedded, assert_pdfa_2b, broken_lines
from tests.factories import review_through
from xxgk.disclosures.services import create_disclosure
from xxgk.reports import exports, services
from xxgk.reports.models import AnnualReportDraft
from xxgk.requests import letters
from xxgk.review.documents import render_record_pdf
from xxgk_demo import reports as demo

# Long enough to wrap many times, with punctuation landing on line ends.
LONG = "根据《中华人民共和国政府信息公开条例》第三十六条的规定，现告知如下：" * 12


def assert_printable(data: bytes) -> None:
    assert_fonts_embedded(data)
    assert broken_lines(data) == []
    assert_pdfa_2b(data)


def test_letter_pdf(db):  # letters read the school's layout and fonts
    assert_printable(letters.pdf_bytes("政府信息公开申请答复告知书", f"张三：\n\n{LONG}\n\n{LONG}"))


def test_review_record_pdf(editor_a, dept_a, item_a):
    page = create_disclosure(
        user=editor_a,
        item=item_a,
        title="关于" + "公示" * 30,
        publishing_department=dept_a,
        body="<p>正文。</p>",
    )
    record = review_through(page, submitter=editor_a, opinion=LONG)
    assert_printable(render_record_pdf(record))


def test_annual_report_pdf(db, admin_user):
    demo.load_demo(io.StringIO())
    report = services.render_draft(AnnualReportDraft.objects.get(year=2021), linked=False)
    assert_printable(exports.report_pdf(report, signed_on=datetime.date(2022, 10, 31)))
