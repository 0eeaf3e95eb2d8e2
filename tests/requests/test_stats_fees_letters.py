import io
from decimal import Decimal

import pytest
from docx import Document

from xxgk.core.textextract import extract_text
from xxgk.requests import fees, letters, services, stats
from xxgk.requests.models import Application, FeeStandard, LetterTemplate
from xxgk.requests.validators import validate_credit_code, validate_resident_id
from xxgk.security.personal_data import mask_id

from .conftest import D, credit_code, make_application, resident_id

pytestmark = pytest.mark.django_db
YEAR = stats.Period.school_year(2026)


def _closed(received_on, outcome, closed_on, **fields):
    application, _ = make_application(received_on=received_on, **fields)
    Application.objects.filter(pk=application.pk).update(
        status="answered", outcome=outcome, closed_on=closed_on
    )
    return Application.objects.get(pk=application.pk)


def test_request_table_rows_and_columns():
    carried = _closed(D(2026, 8, 20), "1", D(2026, 9, 3))
    _closed(D(2026, 9, 10), "3.4", D(2026, 9, 30), applicant_type="enterprise")
    _closed(D(2026, 10, 10), "5.2", D(2026, 10, 20), applicant_type="legal")
    open_case, _ = make_application(received_on=D(2026, 11, 2))
    make_application(received_on=D(2027, 9, 2))  # next year: not counted
    table = {row.code: counts for row, counts in stats.request_table(YEAR)}
    assert table["一"]["total"] == 3 and table["一"]["enterprise"] == 1
    assert table["二"]["citizen"] == 1
    assert table["三.1"]["citizen"] == 1
    assert table["三.3"]["total"] == 1 and table["三.3.4"]["enterprise"] == 1
    assert table["三.5.2"]["legal"] == 1
    assert table["三.总计"]["total"] == 3
    assert table["四"]["total"] == 1
    assert list(stats.cases(YEAR, "四")) == [open_case]
    assert list(stats.cases(YEAR, "二", "citizen")) == [carried]


def test_request_table_counts_every_row_of_results_from_one_query(
    django_assert_max_num_queries,
):
    """The rows of 三 come from one grouped query, each row's figure the same as its own
    cases() lists (a query per row took 650 ms at 100,000 applications; issue 23)."""
    for n, outcome in enumerate(["1", "3.4", "3.4", "3.1", "5.2", "6.1"]):
        _closed(D(2026, 9, 10 + n), outcome, D(2026, 10, 1 + n))
    with django_assert_max_num_queries(4):  # 一, 二, 三 and 四
        table = stats.request_table(YEAR)
    for row, counts in table:
        assert counts["total"] == stats.cases(YEAR, row.code).count(), row.code
    by_code = {row.code: counts["total"] for row, counts in table}
    assert (by_code["三.3"], by_code["三.3.4"], by_code["三.总计"]) == (3, 2, 6)


def test_appeal_table_counts_result_as_at_period_end(office):
    application = _closed(D(2026, 9, 10), "1", D(2026, 9, 20))
    appeal = services.record_appeal(
        application, actor=office, kind="reconsideration", filed_on=D(2026, 10, 1)
    )
    services.decide_appeal(appeal, actor=office, result="corrected", decided_on=D(2027, 9, 5))
    assert stats.appeal_table(YEAR)["reconsideration"]["pending"] == 1
    assert (
        stats.appeal_table(stats.Period(D(2026, 9, 1), D(2027, 12, 31)))["reconsideration"][
            "corrected"
        ]
        == 1
    )
    assert stats.appeal_cases(YEAR, "reconsideration", "pending")[0] == appeal


def test_cost_recovery_at_the_offices_rates():
    standard = FeeStandard.load()
    charges = fees.cost_recovery(pages=10, mailed=True, fee_standard=standard)
    assert [c.amount for c in charges] == [Decimal("2.00"), Decimal("10.00")]


def test_fees_notice_waiver_and_summary(office):
    standard = FeeStandard.load()
    standard.policy = "cost"
    standard.save()
    application, _ = make_application()
    application = services.accept(application, actor=office)
    quote = fees.quote(pages=50, mailed=True)
    copy, postage = services.assess_fees(application, actor=office, quote=quote)
    notice = application.letters.get(kind="fee")
    assert "合计应缴20元" in notice.text
    services.waive_fee(postage, actor=office, amount=Decimal("10"), reason="申请人为低保户")
    services.record_payment(copy, actor=office)
    summary = stats.fee_summary(stats.Period.containing(application.received_on))
    assert summary["charged_count"] == 2 and summary["charged_amount"] == Decimal("20")
    assert summary["waived_count"] == 1 and summary["waived_amount"] == Decimal("10")
    assert summary["collected_amount"] == Decimal("10")
    with pytest.raises(Exception, match="减免"):
        services.waive_fee(copy, actor=office, amount=Decimal("1"), reason="")


def test_applications_in_month_counts_same_applicant():
    first, _ = make_application(received_on=D(2026, 11, 2))
    second, _ = make_application(received_on=D(2026, 11, 9))
    make_application(received_on=D(2026, 10, 30))
    assert services.applications_in_month(first) == 1
    assert services.applications_in_month(second) == 2


def test_letters_render_in_both_formats_and_follow_office_template(office):
    application, _ = make_application()
    LetterTemplate.objects.filter(kind="receipt").update(
        title="受理通知", body="{{ name }}：您的申请{{ number }}已受理，{{ due_date }}前答复。"
    )
    application = services.accept(application, actor=office)
    letter = application.letters.get()
    assert letter.title == "受理通知"
    text = extract_text(letter.pdf.open("rb").read(), "x.pdf")
    assert application.number in text and "张三" in text
    document = Document(io.BytesIO(letter.docx.open("rb").read()))
    assert any(application.number in p.text for p in document.paragraphs)


def test_default_templates_exist_for_every_kind():
    letters.ensure_default_templates()
    assert LetterTemplate.objects.count() == len(letters.DEFAULT_TEMPLATES)


def test_identity_validators():
    assert validate_resident_id(resident_id().lower()) == resident_id()
    assert validate_credit_code(credit_code()) == credit_code()
    with pytest.raises(Exception, match="出生日期"):
        validate_resident_id("330802199002301234")
    with pytest.raises(Exception, match="校验位"):
        validate_credit_code(credit_code()[:-1] + ("0" if credit_code()[-1] != "0" else "1"))
    assert mask_id("330802199003071234") == "330802********1234"
