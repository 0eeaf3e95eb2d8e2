"""Fees under 国办函〔2020〕109号, from the source's own numbers (regulations.md §4 and 更正与补充):

- 按量: 30页以下（含30页）不收费; 31—100页的部分 10元/页; 101—200页的部分 20元/页;
  201页以上的部分 40元/页 — "例：100页 700元；150页 1700元";
- 按件: 同一申请人一个自然月内 10件以下（含10件）不收费; 11—30件（含30件）的部分 100元/件;
  31件以上的部分以10件为一档，每增加一档，收费标准提高100元/件;
- 第三条: 一件申请按件或按量，"不得同时按照两种标准重复计算".
"""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from xxgk.requests import fees, schedules, services
from xxgk.requests.models import BandKind, FeeBand, FeePolicy, FeeStandard, Status
from xxgk.requests.schedules import GOV_2020

from .conftest import make_application

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (100, 700),  # the source's example
        (150, 1700),  # the source's example
        (1, 0),
        (30, 0),  # 30页以下（含30页）不收费
        (31, 10),  # the first page of the ¥10 band
        (101, 700 + 20),  # 100 pages' 700 plus the first ¥20 page
        (200, 700 + 100 * 20),  # 31—100 at 10, 101—200 at 20
        (201, 700 + 100 * 20 + 40),  # the first ¥40 page
    ],
)
def test_by_volume_is_progressive_band_by_band(pages, amount):
    assert GOV_2020.by_volume(pages).amount == amount


@pytest.mark.parametrize(
    ("nth", "amount"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)],
)
def test_by_count_is_the_nth_applications_band(nth, amount):
    assert GOV_2020.by_count(nth).amount == amount


def test_the_working_is_shown_band_by_band():
    charge = GOV_2020.by_volume(150)
    assert charge.lines == (
        "1—30页：不收费",
        "31—100页：70页 × 10元/页 = 700元",
        "101—150页：50页 × 20元/页 = 1000元",
    )
    assert GOV_2020.by_count(41).lines[-1] == "第41—50件：每件300元"


@pytest.mark.parametrize("bad", [0, -1, -150, 10**9, "abc", "", None, "1.5"])
def test_bad_page_and_application_counts_are_refused_in_chinese(bad):
    with pytest.raises(ValidationError) as caught:
        GOV_2020.by_volume(bad)
    assert "页数须" in caught.value.messages[0]
    with pytest.raises(ValidationError) as caught:
        GOV_2020.by_count(bad)
    assert "申请件数须" in caught.value.messages[0]


def _command(*args) -> list[str]:
    out = io.StringIO()
    call_command("request_fee", *args, stdout=out)
    return out.getvalue().strip().splitlines()


def test_command_prints_the_fee_with_the_amount_last():
    assert _command("--policy", "gov-2020", "--pages", "150")[-1].endswith("1700 元")
    assert _command("--policy", "gov-2020", "--pages", "100")[-1].endswith("700 元")
    assert _command("--policy", "gov-2020", "--applications", "41")[-1].endswith("300 元")
    lines = _command("--policy", "gov-2020", "--pages", "150")
    assert "31—100页：70页 × 10元/页 = 700元" in "\n".join(lines)
    assert any("国办函〔2020〕109号" in line for line in lines)


def test_command_default_policy_is_none_and_says_so():
    lines = _command("--pages", "150")
    assert lines[0] == "收费标准：不收费" and lines[-1].endswith("0 元")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--policy", "gov-2020", "--pages", "0"], "页数须在1至100000之间"),
        (["--policy", "gov-2020", "--pages", "-3"], "页数须在1至100000之间"),
        (["--policy", "gov-2020", "--pages", "1000000000"], "收到的是1000000000"),
        (["--policy", "gov-2020", "--pages", "abc"], "页数须为整数"),
        (["--policy", "gov-2020", "--applications", "0"], "申请件数须在1至10000之间"),
        (["--policy", "gov-2020", "--applications", "1000000000"], "申请件数须在1至10000之间"),
        (["--policy", "none", "--pages", "0"], "页数须在1至100000之间"),
        (["--policy", "gov-2020"], "请给出 --pages"),
        (["--policy", "gov-2020", "--pages", "5", "--applications", "5"], "不得同时按两种标准"),
        (["--policy", "gov-2021", "--pages", "5"], "未知的收费政策"),
        (["--policy", "cost", "--applications", "5"], "不按件计收"),
    ],
)
def test_command_refuses_bad_input_in_chinese(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("request_fee", *args, stdout=io.StringIO())


def _school_standard(**fields) -> FeeStandard:
    standard = FeeStandard.load()
    standard.policy = FeePolicy.SCHOOL
    standard.basis = "《某大学信息公开收费办法》"
    for name, value in fields.items():
        setattr(standard, name, value)
    standard.save()
    for kind, start, rate in [
        (BandKind.VOLUME, 51, "5"),
        (BandKind.VOLUME, 201, "8"),
        (BandKind.COUNT, 6, "50"),
    ]:
        FeeBand.objects.create(standard=standard, kind=kind, start=start, rate=Decimal(rate))
    return standard


def test_school_bands_from_the_back_office_drive_the_same_calculation():
    _school_standard()
    # 1—50 free, 51—200 at 5 (150 pages: 750), 201—250 at 8 (50 pages: 400).
    lines = _command("--policy", "school", "--pages", "250")
    assert lines[-1].endswith("1150 元") and "《某大学信息公开收费办法》" in lines[1]
    assert _command("--applications", "6")[-1].endswith("50 元")
    assert _command("--applications", "5")[-1].endswith("0 元")


def test_school_standard_needs_the_bands_it_is_asked_for():
    standard = _school_standard()
    FeeBand.objects.filter(standard=standard, kind=BandKind.COUNT).delete()
    with pytest.raises(CommandError, match="没有按件计收的分档"):
        call_command("request_fee", "--applications", "3", stdout=io.StringIO())


def test_one_application_is_never_charged_by_count_and_by_volume(office):
    for _n in range(10):  # the same applicant's 11th application this month costs ¥100
        make_application()
    application = services.accept(make_application()[0], actor=office)
    nth = services.applications_in_month(application)
    by_count = fees.quote(policy_name="gov-2020", method="by_count", applications=nth)
    assert (nth, by_count.total) == (11, 100)
    (fee,) = services.assess_fees(application, actor=office, quote=by_count)
    services.record_payment(fee, actor=office)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED  # the fee period is over
    by_volume = fees.quote(policy_name="gov-2020", pages=150)
    with pytest.raises(ValidationError, match="不得同时按件和按量"):
        services.assess_fees(application, actor=office, quote=by_volume)
    assert list(application.fees.values_list("kind", flat=True)) == ["by_count"]


def test_nothing_to_pay_sends_no_notice(office):
    application, _ = make_application()
    application = services.accept(application, actor=office)
    with pytest.raises(ValidationError, match="无需缴费"):
        services.assess_fees(
            application, actor=office, quote=fees.quote(policy_name="gov-2020", pages=30)
        )
    assert not application.letters.filter(kind="fee").exists()


def test_schedule_check_refuses_nonsense_bands():
    bad = schedules.Schedule(
        name="school",
        volume=(schedules.Band(0, Decimal("5")), schedules.Band(0, Decimal("9999"))),
        count_step_size=10,
    )
    with pytest.raises(ValidationError) as caught:
        bad.check()
    text = "".join(caught.value.messages)
    assert "不小于1" in text and "相同" in text and "0至500元" in text and "同时填写" in text
    with pytest.raises(ValidationError, match="至少需要一档"):
        schedules.Schedule(name="school").check()
