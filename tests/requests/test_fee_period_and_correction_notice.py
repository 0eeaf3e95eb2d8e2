"""The fee period pauses the reply clock and an unpaid fee closes the case (row 6.2); the
correction notice is due within 7 working days of receipt (条例第三十条).

Expected dates are counted by hand on the State Council's 2026 arrangement (as bundled in
chinesecalendar): 国庆 1–7 October off, Saturday 10 October a make-up working day.
Reply period 15 working days from receipt on Tuesday 29 September 2026:
30/9 (1), 8/10 (2), 9/10 (3), Sat 10/10 (4), 12/10 … 16/10 (5–9), 19/10 … 23/10 (10–14),
26/10 (15) → due Monday 26 October 2026 without a pause.
"""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from xxgk.core.schedule import JOBS
from xxgk.requests import deadlines, fees, services, stats
from xxgk.requests.models import Application, LetterKind, PauseKind, Status

from .conftest import D, make_application

pytestmark = pytest.mark.django_db
RECEIVED = D(2026, 9, 29)
DUE_WITHOUT_PAUSE = D(2026, 10, 26)


def _case(office):
    application, _ = make_application(received_on=RECEIVED)
    assert application.due_date == DUE_WITHOUT_PAUSE
    return services.accept(application, actor=office, on=RECEIVED)


def _notice(application, office, on, pages=150):
    quote = fees.quote(policy_name="gov-2020", pages=pages)
    (fee,) = services.assess_fees(application, actor=office, quote=quote, on=on)
    return fee


@pytest.mark.parametrize(
    ("notice_on", "paid_on", "due"),
    [
        # notice and payment the same day: nothing is paused
        (D(2026, 10, 12), D(2026, 10, 12), DUE_WITHOUT_PAUSE),
        # paid on a holiday (5 October): the pause (30/9, 5/10] holds no working day
        (D(2026, 9, 30), D(2026, 10, 5), DUE_WITHOUT_PAUSE),
        # paid on 8 October, the first working day after the holiday: one day added
        (D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 27)),
        # Monday 12 to Friday 16 October: 13, 14, 15, 16 → 4 days, due 30 October
        (D(2026, 10, 12), D(2026, 10, 16), D(2026, 10, 30)),
    ],
)
def test_fee_period_pauses_the_clock_from_notice_to_payment(office, notice_on, paid_on, due):
    application = _case(office)
    fee = _notice(application, office, notice_on)
    application.refresh_from_db()
    assert application.status == Status.AWAITING_FEE
    pause = application.pauses.get(kind=PauseKind.FEE)
    assert pause.started_on == notice_on and pause.ended_on is None
    services.record_payment(fee, actor=office, paid_on=paid_on)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED  # back where it was: no handler yet
    assert application.pauses.get(kind=PauseKind.FEE).ended_on == paid_on
    assert application.due_date == due
    clock = deadlines.compute(application)
    assert any("缴费期间" in line for line in clock.lines)


def test_the_fee_notice_names_the_period_the_basis_and_the_working(office):
    application = _case(office)
    _notice(application, office, D(2026, 10, 12))
    letter = application.letters.get(kind=LetterKind.FEE)
    # 20 working days from Monday 12 October 2026 (no holiday in between): 9 November.
    assert "20个工作日内、即2026年11月9日前缴纳" in letter.text
    assert "合计应缴1700元" in letter.text
    assert "31—100页：70页 × 10元/页 = 700元" in letter.text
    assert "不计入答复期限" in letter.text and "不再处理该申请" in letter.text
    assert "《中华人民共和国政府信息公开条例》第四十二条" in letter.text
    assert "国办函〔2020〕109号" in letter.text


def test_unpaid_fee_lapses_the_day_after_the_period_as_row_6_2(office):
    application = _case(office)
    _notice(application, office, D(2026, 10, 12))
    # The period ends on Monday 9 November 2026: still payable that day.
    assert services.close_lapsed_fees(today=D(2026, 11, 9)) == []
    assert services.close_lapsed_fees(today=D(2026, 11, 10)) == [application.number]
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert (application.outcome, application.closed_on) == ("6.2", D(2026, 11, 10))
    assert application.outcome_info.label == (
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    letter = application.letters.get(kind=LetterKind.FEE_LAPSE)
    assert "缴费期限至2026年11月9日" in letter.text and "不再处理该申请" in letter.text
    assert "《中华人民共和国政府信息公开条例》第四十二条" in letter.text
    assert application.events.get(kind="lapse_fee").actor is None
    table = {row.code: n for row, n in stats.request_table(stats.Period.school_year(2026))}
    assert table["三.6.2"]["total"] == 1 and table["三.6"]["total"] == 1
    assert services.close_lapsed_fees(today=D(2026, 11, 11)) == []  # once only


def test_the_scheduled_daily_job_closes_an_unpaid_case(office):
    """The worker's daily job, not only the cron command, closes a lapsed fee period
    (the period of a notice of 12 October 2026 ended on 9 November, before any run of this)."""
    application = _case(office)
    _notice(application, office, D(2026, 10, 12))
    assert JOBS["requests_daily"].run()["unpaid"] == [application.number]
    application.refresh_from_db()
    assert application.outcome == "6.2"


def test_payment_on_the_last_day_counts_and_a_later_one_is_refused(office):
    application = _case(office)
    fee = _notice(application, office, D(2026, 10, 12))
    with pytest.raises(ValidationError, match="晚于缴费期限"):
        services.record_payment(fee, actor=office, paid_on=D(2026, 11, 10))
    with pytest.raises(ValidationError, match="收费通知日期和今天之间"):
        services.record_payment(fee, actor=office, paid_on=D(2026, 10, 11))
    services.record_payment(fee, actor=office, paid_on=D(2026, 11, 9))
    assert services.close_lapsed_fees(today=D(2026, 11, 10)) == []
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_full_waiver_ends_the_fee_period(office):
    application = _case(office)
    fee = _notice(application, office, D(2026, 10, 12), pages=31)
    services.waive_fee(fee, actor=office, amount=fee.amount, reason="申请人生活困难")
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.pauses.get(kind=PauseKind.FEE).ended_on is not None


def test_no_reply_while_the_fee_is_unpaid_and_no_reminder_either(office):
    application = _case(office)
    _notice(application, office, D(2026, 10, 12))
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="不能执行"):
        services.answer(application, actor=office, outcome="1", reply_text="予以公开。")
    assert services.send_reminders(D(2026, 12, 1)) == 0


# --- 补正 within 7 working days of receipt (条例第三十条) ------------------------------------
# Received Tuesday 29 September 2026: 30/9 (1), 8/10 (2), 9/10 (3), Sat 10/10 (4), 12/10 (5),
# 13/10 (6), 14/10 (7) → the notice is due on Wednesday 14 October 2026.
NOTICE_DUE = D(2026, 10, 14)


def test_correction_notice_deadline_counts_working_days_from_receipt(office):
    application, _ = make_application(received_on=RECEIVED)
    notice = deadlines.correction_notice(application, today=D(2026, 10, 12))
    assert notice.due.date == NOTICE_DUE and notice.days_left == 2 and not notice.is_late
    on_time = services.request_correction(
        application, actor=office, items="请写明年份", on=NOTICE_DUE
    )
    assert on_time.correction_requested_on == NOTICE_DUE
    assert not deadlines.correction_notice(on_time).is_late
    late, _ = make_application(received_on=RECEIVED)
    late = services.request_correction(late, actor=office, items="请写明年份", on=D(2026, 10, 15))
    notice = deadlines.correction_notice(late)
    assert notice.is_late and notice.late_days == 1
    assert "晚于期限 1 个工作日" in notice.summary()
    summary = stats.correction_summary(stats.Period.school_year(2026))
    assert summary == {"notices": 2, "late": 1}
    assert list(stats.correction_cases(stats.Period.school_year(2026), late=True)) == [late]


def test_only_the_first_correction_notice_is_judged(office):
    application, _ = make_application(received_on=RECEIVED)
    application = services.request_correction(
        application, actor=office, items="请写明年份", on=D(2026, 10, 13)
    )
    application = services.receive_correction(
        application, actor=office, received_on=D(2026, 10, 20)
    )
    application = services.request_correction(
        application, actor=office, items="请写明文件名称", on=D(2026, 10, 26)
    )
    assert application.correction_requested_on == D(2026, 10, 13)


def test_correction_notice_reminder_before_and_after_the_limit(office):
    office.email = "office@example.edu.cn"
    office.save()
    application, _ = make_application(received_on=RECEIVED)
    assert services.send_reminders(D(2026, 10, 9)) == 0  # 3 working days left: not yet
    assert services.send_reminders(D(2026, 10, 12)) == 1  # 2 left
    assert "补正告知期限为2026-10-14，还有2个工作日" in mail.outbox[-1].subject
    assert "第三十条" in mail.outbox[-1].body
    assert services.send_reminders(D(2026, 10, 13)) == 0  # once per stage
    assert services.send_reminders(D(2026, 10, 15)) == 1
    assert "已过补正告知期限" in mail.outbox[-1].subject
    assert services.send_reminders(D(2026, 10, 16)) == 0
    services.accept(application, actor=office)
    assert application.events.filter(kind="correction_reminder").count() == 2


@pytest.fixture
def gov_2020(db):
    standard = fees.standard()
    standard.policy = "gov-2020"
    standard.save()
    return standard


def test_case_page_shows_both_deadlines_and_the_fee_working(client, office, gov_2020):
    application = _case(office)
    client.force_login(office)
    html = client.get(f"/admin/requests/{application.pk}/").content.decode()
    assert "补正告知期限" in html and "2026-10-14" in html and "已过期限" in html
    assert "按件计收参考" in html and "第1—10件：不收费" in html
    _notice(application, office, D(2026, 10, 12))
    html = client.get(f"/admin/requests/{application.pk}/").content.decode()
    assert "缴费期限 2026-11-09" in html and "缴费期间暂停计算" in html


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ("0", "页数须在1至100000之间"),
        ("-5", "页数须在1至100000之间"),
        ("1000000000", "收到的是1000000000"),
        ("abc", "页数须为整数"),
        ("", "按量计收请填写页数"),
    ],
)
def test_fee_form_refuses_bad_page_counts_and_saves_nothing(
    client, office, gov_2020, pages, message
):
    application = _case(office)
    client.force_login(office)
    url = f"/admin/requests/{application.pk}/actions/fee/"
    response = client.post(url, {"method": "by_volume", "pages": pages}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not application.fees.exists() and not application.letters.filter(kind="fee").exists()
    assert Application.objects.get(pk=application.pk).status == Status.ACCEPTED


def test_fee_form_issues_the_notice(client, office, gov_2020):
    application = _case(office)
    client.force_login(office)
    url = f"/admin/requests/{application.pk}/actions/fee/"
    client.post(url, {"method": "by_volume", "pages": "100", "on": "2026-10-12"})
    fee = application.fees.get()
    assert (fee.amount, fee.kind, fee.assessed_on) == (700, "by_volume", D(2026, 10, 12))
    assert Application.objects.get(pk=application.pk).status == Status.AWAITING_FEE


def test_office_sets_the_schools_own_bands_in_the_back_office(client, office):
    client.force_login(office)
    url = "/admin/settings/requests/feestandard/"
    response = client.get(url)
    if response.status_code == 302:
        url = response["Location"]
        response = client.get(url)
    assert response.status_code == 200

    def post(bands, **fields):
        data = {
            "policy": "school",
            "payment_days": "15",
            "basis": "《某大学信息公开收费办法》",
            "count_step_size": "",
            "count_step_increment": "",
            "search_fee": "0",
            "copy_fee": "0.20",
            "postage": "10",
            "bands-TOTAL_FORMS": str(len(bands)),
            "bands-INITIAL_FORMS": "0",
            "bands-MIN_NUM_FORMS": "0",
            "bands-MAX_NUM_FORMS": "1000",
            **fields,
        }
        for n, (kind, start, rate) in enumerate(bands):
            data.update(
                {
                    f"bands-{n}-kind": kind,
                    f"bands-{n}-start": start,
                    f"bands-{n}-rate": rate,
                    f"bands-{n}-ORDER": str(n),
                    f"bands-{n}-DELETE": "",
                    f"bands-{n}-id": "",
                }
            )
        return client.post(url, data)

    refused = post([("volume", "31", "10"), ("volume", "31", "900")])
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "起始页（件）数相同" in html and "0至500元之间" in html
    assert fees.standard().policy == "none"
    refused = post([("volume", "31", "10")], basis="")
    assert "请填写收费依据" in refused.content.decode()
    assert fees.standard().policy == "none"
    saved = post([("volume", "31", "10"), ("volume", "101", "20"), ("count", "11", "100")])
    assert saved.status_code == 302
    standard = fees.standard()
    assert (standard.policy, standard.payment_days) == ("school", 15)
    out = io.StringIO()
    from django.core.management import call_command

    call_command("request_fee", "--pages", "150", stdout=out)
    assert out.getvalue().strip().splitlines()[-1].endswith("1700 元")


@pytest.mark.parametrize(
    ("received", "sent_on", "today", "line"),
    [
        # Received Tuesday 29 September 2026: the notice is due Wednesday 14 October.
        (RECEIVED, None, D(2026, 10, 12), "2026-10-14（如需补正，剩余 2 个工作日）"),
        (RECEIVED, None, D(2026, 10, 15), "2026-10-14（已过期限；此后发出的补正告知计为超期）"),
        (RECEIVED, NOTICE_DUE, None, "2026-10-14（2026-10-14 发出补正告知，未超过期限）"),
        (
            RECEIVED,
            D(2026, 10, 15),
            None,
            "2026-10-14（2026-10-15 发出补正告知，晚于期限 1 个工作日）",
        ),
        # Received Wednesday 4 November: 5, 6, 9 … 13 → due Friday 13 November; a notice sent
        # on Saturday 14 November is late, though by no working day.
        (D(2026, 11, 4), D(2026, 11, 14), None, "2026-11-13（2026-11-14 发出补正告知，晚于期限）"),
    ],
)
def test_the_case_page_says_where_the_correction_notice_stands(
    office, received, sent_on, today, line
):
    application, _ = make_application(received_on=received)
    if sent_on:
        application = services.request_correction(
            application, actor=office, items="请写明年份", on=sent_on
        )
    assert deadlines.correction_notice(application, today=today).summary() == line


def test_the_clock_names_each_pause_with_its_dates_and_the_days_it_holds(office):
    application = _case(office)
    services.start_consultation(
        application, actor=office, third_party="某科技有限公司", matter="合同", on=D(2026, 10, 12)
    )
    application.refresh_from_db()
    services.end_consultation(
        application, actor=office, opinion="不同意公开", ended_on=D(2026, 10, 16)
    )
    application.refresh_from_db()
    fee = _notice(application, office, D(2026, 10, 19))
    application.refresh_from_db()
    lines = deadlines.compute(application).lines
    # Monday 12 to Friday 16 October: 13, 14, 15, 16 → 4 working days.
    assert (
        "征求第三方（某科技有限公司）意见：2026年10月12日至2026年10月16日，不计入4个工作日。"
        in lines
    )
    # The fee period of a notice of Monday 19 October runs 20 working days, to 16 November.
    open_line = next(line for line in lines if line.startswith("缴费期间"))
    assert open_line.startswith(
        "缴费期间（缴费期限2026年11月16日）：自2026年10月19日起暂停，至今不计入"
    )
    assert open_line.endswith("个工作日，恢复后顺延。")
    services.record_payment(fee, actor=office, paid_on=D(2026, 10, 23))
    application.refresh_from_db()
    assert (
        "缴费期间（缴费期限2026年11月16日）：2026年10月19日至2026年10月23日，不计入4个工作日。"
        in deadlines.compute(application).lines
    )
