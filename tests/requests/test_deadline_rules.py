"""The reply deadline's boundary rules, one a test. Dates are 2026's official arrangement:
National Day 1–7 October off, Saturday 10 October worked; received Tuesday 29 September,
15 working days fall due on Monday 26 October."""

import pytest
from django.utils.formats import date_format

from xxgk.requests import deadlines, fees, services
from xxgk.requests.models import PauseKind

from .conftest import D, make_application

pytestmark = pytest.mark.django_db
RECEIVED = D(2026, 9, 29)
DUE = D(2026, 10, 26)


@pytest.fixture
def case(office):
    application, _ = make_application(received_on=RECEIVED)
    return services.accept(application, actor=office, on=RECEIVED)


def test_a_case_due_today_is_not_overdue(case):
    clock = deadlines.compute(case, today=DUE)
    assert clock.due.date == DUE
    assert clock.days_left == 0
    assert not clock.overdue and clock.overdue_days == 0


def test_a_case_is_overdue_from_the_working_day_after_its_due_date(case):
    clock = deadlines.compute(case, today=D(2026, 10, 27))
    assert clock.days_left == -1
    assert clock.overdue and clock.overdue_days == 1


def test_a_pause_that_starts_the_day_the_clock_starts_moves_the_due_date(case, office):
    case = services.start_consultation(
        case, actor=office, third_party="某公司", matter="是否涉及商业秘密", on=RECEIVED
    )
    case = services.end_consultation(
        case, actor=office, opinion="不同意公开", ended_on=D(2026, 10, 12)
    )
    clock = deadlines.compute(case, today=D(2026, 10, 12))
    # (29 Sep, 12 Oct] holds 30 Sep, 8, 9, 10 (Saturday, worked) and 12 Oct: 5 days.
    assert clock.due.date == D(2026, 11, 2)
    assert not clock.paused
    assert "不计入5个工作日" in "".join(clock.lines)


def test_a_pause_still_open_counts_every_working_day_up_to_today(case, office):
    case = services.start_consultation(
        case, actor=office, third_party="某公司", matter="是否涉及商业秘密", on=D(2026, 10, 12)
    )
    clock = deadlines.compute(case, today=D(2026, 10, 16))
    # 13–16 October: 4 working days, so due 4 working days after 26 October.
    assert clock.due.date == D(2026, 10, 30)
    assert clock.paused
    assert "至今不计入4个工作日" in "".join(clock.lines)


def test_a_pause_opened_today_adds_nothing_yet(case, office):
    case = services.start_consultation(
        case, actor=office, third_party="某公司", matter="是否涉及商业秘密", on=D(2026, 10, 12)
    )
    assert deadlines.compute(case, today=D(2026, 10, 12)).due.date == DUE


def test_the_explanation_names_the_start_the_period_and_the_due_date(case):
    lines = deadlines.compute(case, today=DUE).lines
    assert lines[0].startswith("起算日期：2026年9月29日（收到申请）")
    assert "答复期限：15个工作日。" in lines
    assert lines[-1] == "合计15个工作日，答复截止日期：2026年10月26日。"


def test_each_pause_is_explained_with_its_cause_its_dates_and_the_days_it_adds(case, office):
    """The deadline panel tells the office and the applicant why the due date moved: what
    paused the clock, from when to when (or since when, while it lasts), and how many working
    days that adds. 13–16 October 2026 are four working days."""
    case = services.start_consultation(
        case, actor=office, third_party="某公司", matter="是否涉及商业秘密", on=D(2026, 10, 12)
    )
    assert (
        "征求第三方（某公司）意见：自2026年10月12日起暂停，至今不计入4个工作日，恢复后顺延。"
        in deadlines.compute(case, today=D(2026, 10, 16)).lines
    )
    case = services.end_consultation(
        case, actor=office, opinion="不同意公开", ended_on=D(2026, 10, 16)
    )
    assert (
        "征求第三方（某公司）意见：2026年10月12日至2026年10月16日，不计入4个工作日。"
        in deadlines.compute(case, today=D(2026, 10, 19)).lines
    )


def test_a_fee_pause_names_the_payment_deadline_on_the_fee_notice(case, office):
    quote = fees.quote(policy_name="gov-2020", pages=150)
    services.assess_fees(case, actor=office, quote=quote, on=D(2026, 10, 12))
    case.refresh_from_db()
    pause = case.pauses.get(kind=PauseKind.FEE)
    line = (
        f"缴费期间（缴费期限{date_format(pause.payment_due)}）：自2026年10月12日起暂停，"
        "至今不计入4个工作日，恢复后顺延。"
    )
    assert pause.payment_due > D(2026, 10, 16)
    assert line in deadlines.compute(case, today=D(2026, 10, 16)).lines


def test_while_a_correction_is_awaited_the_clock_says_it_is_paused_and_until_when(case, office):
    case = services.request_correction(case, actor=office, items="请写明年份", on=D(2026, 9, 30))
    clock = deadlines.compute(case, today=D(2026, 10, 9))
    assert clock.due is None and clock.days_left is None
    assert clock.lines == [
        f"已发出补正告知，答复期限暂停；申请人应于{date_format(case.correction_due)}前补正，"
        "收到补正材料之日起重新计算。"
    ]


def test_after_a_correction_the_period_counts_from_the_day_the_material_arrived(case, office):
    case = services.request_correction(case, actor=office, items="请写明年份", on=D(2026, 9, 30))
    case = services.receive_correction(case, actor=office, received_on=D(2026, 10, 12))
    clock = deadlines.compute(case, today=D(2026, 10, 12))
    assert clock.lines[0] == (
        "起算日期：2026年10月12日（收到补正材料），自次日起按工作日计算，"
        "法定节假日不计，调休上班日计入。"
    )
    # 15 working days after Monday 12 October 2026: 13–16, 19–23, 26–30 October, 2 November.
    assert clock.due.date == D(2026, 11, 2)


def test_an_extension_names_the_head_who_approved_it(case, office, head):
    head.first_name = "王主任"
    head.save()
    case = services.extend(case, actor=office, approved_by=head, days=15, reason="需要检索历年档案")
    lines = deadlines.compute(case, today=D(2026, 10, 12)).lines
    assert "经信息公开办公室负责人（王主任）批准延期15个工作日。" in lines


def test_the_explanation_states_the_start_rule_in_full(case):
    assert deadlines.compute(case, today=DUE).lines[0] == (
        "起算日期：2026年9月29日（收到申请），自次日起按工作日计算，"
        "法定节假日不计，调休上班日计入。"
    )


def test_an_extension_names_the_head_by_user_name_or_not_at_all_if_the_account_is_gone(
    case, office, head
):
    case = services.extend(case, actor=office, approved_by=head, days=15, reason="需要检索档案")
    lines = deadlines.compute(case, today=D(2026, 10, 12)).lines
    assert "经信息公开办公室负责人（head1）批准延期15个工作日。" in lines
    head.delete()  # the approval stands; the approver's account may not
    case.refresh_from_db()
    lines = deadlines.compute(case, today=D(2026, 10, 12)).lines
    assert "经信息公开办公室负责人批准延期15个工作日。" in lines


def test_a_closed_case_has_no_working_days_left(case, office):
    case = services.answer(case, actor=office, outcome="1", reply_text="予以公开。", on=DUE)
    assert deadlines.compute(case, today=DUE).days_left is None


def test_a_deadline_in_a_year_without_holiday_data_says_it_may_move(office):
    application, _ = make_application(received_on=D(2026, 12, 24))
    application = services.accept(application, actor=office, on=D(2026, 12, 24))
    lines = deadlines.compute(application, today=D(2026, 12, 24)).lines
    assert lines[-1] == "2027年节假日安排尚未录入，暂按周一至周五计算，日期可能调整。"


def test_pauses_from_before_a_correction_are_dropped_and_later_ones_still_count(case, office):
    """A correction restarts the period from the day the material arrives: a fee period
    before that no longer moves the date, a consultation after it does."""
    quote = fees.quote(policy_name="gov-2020", pages=150)
    for fee in services.assess_fees(case, actor=office, quote=quote, on=D(2026, 9, 30)):
        services.record_payment(fee, actor=office, paid_on=D(2026, 10, 9))
    case.refresh_from_db()
    case = services.request_correction(case, actor=office, items="请写明年份", on=D(2026, 10, 9))
    case = services.receive_correction(case, actor=office, received_on=D(2026, 10, 12))
    case = services.start_consultation(
        case, actor=office, third_party="某学院", matter="是否涉及个人隐私", on=D(2026, 10, 13)
    )
    case = services.end_consultation(
        case, actor=office, opinion="不同意公开", ended_on=D(2026, 10, 16)
    )
    clock = deadlines.compute(case, today=D(2026, 10, 20))
    # 15 working days from 12 October end on 2 November; (13, 16 October] holds 14–16
    # October, 3 more working days: 3, 4 and 5 November. The fee period adds nothing.
    assert clock.due.date == D(2026, 11, 5)
    assert clock.working_days == 18
    assert not any("缴费期间" in line for line in clock.lines)
    assert "征求第三方（某学院）意见：2026年10月13日至2026年10月16日，不计入3个工作日。" in (
        clock.lines
    )
