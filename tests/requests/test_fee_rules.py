"""The fee rules of 国办函〔2020〕109号 and of a school's own bands, stated one rule a test.

Expected figures come from the regulation's text (/work/shared/reference/regulations.md §4:
第四条 按件, 按量), computed here independently of xxgk.requests.schedules.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.requests import fees
from xxgk.requests.schedules import (
    BY_COUNT,
    BY_VOLUME,
    GOV_2020,
    MAX_PAGES,
    MAX_RATE,
    Band,
    Schedule,
    validate_applications,
    validate_pages,
    yuan,
)


def gov_2020_page_rate(page: int) -> int:
    """109号 按量: ≤30 free; 31–100 ¥10; 101–200 ¥20; 201+ ¥40 — each page at its band."""
    if page <= 30:
        return 0
    if page <= 100:
        return 10
    if page <= 200:
        return 20
    return 40


def gov_2020_volume_fee(pages: int) -> int:
    return sum(gov_2020_page_rate(page) for page in range(1, pages + 1))


def gov_2020_count_fee(nth: int) -> int:
    """109号 按件: ≤10 free; 11–30 ¥100 each; from 31, +¥100 for every 10 applications."""
    if nth <= 10:
        return 0
    if nth <= 30:
        return 100
    return 100 + 100 * ((nth - 31) // 10 + 1)


def refusal(callable_, *args) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        callable_(*args)
    return caught.value.messages


# --- 109号, by volume and by count ---------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_PAGES))
def test_gov_2020_by_volume_charges_each_page_at_its_band(pages):
    charge = GOV_2020.by_volume(pages)
    assert charge.amount == gov_2020_volume_fee(pages)
    assert charge.kind == BY_VOLUME


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10_000))
def test_gov_2020_by_count_charges_the_nth_applications_band(nth):
    charge = GOV_2020.by_count(nth)
    assert charge.amount == gov_2020_count_fee(nth)
    assert charge.kind == BY_COUNT


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_PAGES - 1))
def test_more_pages_never_cost_less(pages):
    assert GOV_2020.by_volume(pages + 1).amount >= GOV_2020.by_volume(pages).amount


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10_000 - 1))
def test_a_later_application_in_the_month_never_costs_less(nth):
    assert GOV_2020.by_count(nth + 1).amount >= GOV_2020.by_count(nth).amount


@pytest.mark.parametrize(
    ("pages", "amount"),
    [(30, 0), (31, 10), (100, 700), (101, 720), (150, 1700), (200, 2700), (201, 2740)],
)
def test_gov_2020_published_examples_and_band_edges(pages, amount):
    # 109号 gives 100 pages = 700 元 and 150 pages = 1700 元.
    assert GOV_2020.by_volume(pages).amount == amount


def test_fees_beyond_a_thousand_pages_stay_at_forty_yuan_a_page():
    # 70 × 10 + 100 × 20 + 1300 × 40
    assert GOV_2020.by_volume(1500).amount == 54_700
    assert GOV_2020.by_volume(MAX_PAGES).amount == 2700 + (MAX_PAGES - 200) * 40


def test_the_volume_working_names_every_band_and_the_free_pages():
    charge = GOV_2020.by_volume(150)
    assert charge.lines == (
        "1—30页：不收费",
        "31—100页：70页 × 10元/页 = 700元",
        "101—150页：50页 × 20元/页 = 1000元",
    )
    assert charge.basis == "按量计收，申请信息共150页：" + "；".join(charge.lines)


def test_a_volume_within_the_free_pages_says_so():
    assert GOV_2020.by_volume(12).lines == ("1—12页：不收费",)


@pytest.mark.parametrize(
    ("nth", "line"),
    [
        (5, "第1—10件：不收费"),
        (20, "第11—30件：每件100元"),
        (35, "第31—40件：每件200元"),
        (45, "第41—50件：每件300元"),
    ],
)
def test_the_count_working_names_the_applications_band(nth, line):
    charge = GOV_2020.by_count(nth)
    assert charge.lines == (f"同一申请人本自然月累计第{nth}件申请", line)
    assert charge.basis == "按件计收，" + "；".join(charge.lines)


# --- a school's own bands -------------------------------------------------------------------


def test_a_school_schedule_charging_from_the_first_page_has_no_free_pages():
    school = Schedule("school", volume=(Band(1, Decimal("1")), Band(50, Decimal("2"))))
    charge = school.by_volume(60)
    assert charge.amount == 49 * 1 + 11 * 2
    assert charge.lines[0] == "1—49页：49页 × 1元/页 = 49元"


def test_a_school_schedule_from_the_second_page_leaves_only_the_first_free():
    school = Schedule("school", volume=(Band(2, Decimal("1")),))
    assert school.by_volume(3).lines[0] == "1—1页：不收费"
    assert school.by_volume(3).amount == 2


def test_a_school_count_schedule_names_each_of_three_bands():
    school = Schedule(
        "school",
        count=(Band(2, Decimal("5")), Band(4, Decimal("7")), Band(6, Decimal("9"))),
    )
    assert school.by_count(1).amount == 0
    assert school.by_count(2).lines[1] == "第2—3件：每件5元"
    assert school.by_count(4).lines[1] == "第4—5件：每件7元"
    assert school.by_count(7).lines[1] == "第6件起：每件9元"
    assert school.by_count(7).amount == 9


def test_a_zero_step_increment_keeps_the_last_bands_rate():
    school = Schedule(
        "school",
        count=(Band(3, Decimal("50")),),
        count_step_size=5,
        count_step_increment=Decimal("0"),
    )
    school.check()
    assert school.by_count(20).amount == 50


def test_a_schedule_without_volume_bands_refuses_to_charge_by_volume():
    school = Schedule("school", count=(Band(3, Decimal("50")),))
    assert refusal(school.by_volume, 10) == ["该收费标准没有按量计收的分档。"]


def test_a_schedule_without_count_bands_refuses_to_charge_by_count():
    school = Schedule("school", volume=(Band(3, Decimal("5")),))
    assert refusal(school.by_count, 10) == ["该收费标准没有按件计收的分档。"]


@pytest.mark.parametrize(
    ("schedule", "messages"),
    [
        (Schedule("s", volume=(Band(0, Decimal("1")),)), ["按量计收的起始页（件）数须不小于1。"]),
        (
            Schedule("s", count=(Band(5, Decimal("1")), Band(5, Decimal("2")))),
            ["按件计收有两档的起始页（件）数相同。"],
        ),
        (
            Schedule("s", volume=(Band(MAX_PAGES + 1, Decimal("1")),)),
            [f"按量计收的起始页（件）数不能超过{MAX_PAGES}。"],
        ),
        (
            Schedule("s", count=(Band(3, MAX_RATE + Decimal("0.01")),)),
            [f"按件计收的单价须在0至{MAX_RATE}元之间。"],
        ),
        (
            Schedule("s", volume=(Band(3, Decimal("-1")),)),
            [f"按量计收的单价须在0至{MAX_RATE}元之间。"],
        ),
        (Schedule("s"), ["学校自定标准至少需要一档按量或按件的收费分档。"]),
        (
            Schedule("s", count=(Band(3, Decimal("1")),), count_step_size=5),
            ["按件计收的“每多少件为一档”和“每档提高”须同时填写或同时留空。"],
        ),
        (
            Schedule(
                "s",
                count=(Band(3, Decimal("1")),),
                count_step_increment=Decimal("10"),
            ),
            ["按件计收的“每多少件为一档”和“每档提高”须同时填写或同时留空。"],
        ),
        (
            Schedule(
                "s",
                volume=(Band(3, Decimal("1")),),
                count_step_size=5,
                count_step_increment=Decimal("10"),
            ),
            ["设置了按件计收的递增档，但没有按件计收的分档。"],
        ),
        (
            Schedule(
                "s",
                count=(Band(3, Decimal("1")),),
                count_step_size=0,
                count_step_increment=Decimal("10"),
            ),
            ["按件计收每档的件数须不小于1。"],
        ),
        (
            Schedule(
                "s",
                count=(Band(3, Decimal("1")),),
                count_step_size=5,
                count_step_increment=MAX_RATE + 1,
            ),
            [f"按件计收每档提高的金额须在0至{MAX_RATE}元之间。"],
        ),
        (
            Schedule(
                "s",
                count=(Band(3, Decimal("1")),),
                count_step_size=5,
                count_step_increment=Decimal("-1"),
            ),
            [f"按件计收每档提高的金额须在0至{MAX_RATE}元之间。"],
        ),
    ],
)
def test_a_school_schedule_that_makes_no_sense_is_refused_with_its_reason(schedule, messages):
    assert refusal(schedule.check) == messages


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule("s", volume=(Band(1, Decimal("0")), Band(MAX_PAGES, MAX_RATE))),
        Schedule("s", count=(Band(2, MAX_RATE),), count_step_size=1, count_step_increment=0),
        Schedule(
            "s", count=(Band(2, Decimal("1")),), count_step_size=1, count_step_increment=MAX_RATE
        ),
    ],
)
def test_a_school_schedule_at_the_limits_is_accepted(schedule):
    schedule.check()


# --- what can be asked ----------------------------------------------------------------------


def test_page_and_application_counts_run_from_one_to_their_limits():
    assert validate_pages(1) == 1 and validate_pages(MAX_PAGES) == MAX_PAGES
    assert validate_applications("10000") == 10_000
    assert refusal(validate_pages, MAX_PAGES + 1) == [
        f"页数须在1至{MAX_PAGES}之间，收到的是{MAX_PAGES + 1}。"
    ]
    assert refusal(validate_pages, 0) == ["页数须在1至100000之间，收到的是0。"]
    assert refusal(validate_applications, "十") == ["申请件数须为整数。"]
    assert refusal(validate_pages, True) == ["页数须为整数。"]


def test_amounts_print_as_whole_yuan_or_with_two_decimals():
    assert yuan(Decimal("1700")) == "1700"
    assert yuan(Decimal("12.5")) == "12.50"
    assert yuan(Decimal("0.125")) == "0.12"


# --- the quote, whatever the policy ---------------------------------------------------------


def standard(**fields):
    from xxgk.requests.models import FeeStandard

    return FeeStandard(**fields)


def test_a_gov_2020_quote_by_volume_is_one_processing_fee_of_that_kind():
    quote = fees.quote(policy_name="gov-2020", method=BY_VOLUME, pages=150, fee_standard=standard())
    assert [(c.kind, c.amount) for c in quote.charges] == [(BY_VOLUME, 1700)]
    assert quote.total == 1700
    assert quote.lines()[-1] == "应收费用：1700 元"


def test_a_gov_2020_quote_by_count_is_one_processing_fee_of_that_kind():
    quote = fees.quote(
        policy_name="gov-2020", method=BY_COUNT, applications=12, fee_standard=standard()
    )
    assert [(c.kind, c.amount) for c in quote.charges] == [(BY_COUNT, 100)]


def test_the_no_fee_policy_charges_nothing_but_still_checks_the_numbers():
    quote = fees.quote(policy_name="none", pages=5, fee_standard=standard())
    assert quote.charges == [] and quote.total == 0
    assert "学校依申请提供信息不收取费用。" in quote.lines()
    assert refusal(
        lambda: fees.quote(
            policy_name="none", method=BY_COUNT, applications=0, fee_standard=standard()
        )
    ) == ["申请件数须在1至10000之间，收到的是0。"]
    assert refusal(lambda: fees.quote(policy_name="none", pages=0, fee_standard=standard())) == [
        "页数须在1至100000之间，收到的是0。"
    ]


def test_cost_recovery_charges_search_copying_and_postage_at_the_offices_rates():
    rates = standard(
        search_fee=Decimal("5"), copy_fee=Decimal("0.5"), postage=Decimal("12"), basis=" 校规 "
    )
    quote = fees.quote(policy_name="cost", pages=10, mailed=True, fee_standard=rates)
    assert [(c.kind, c.amount) for c in quote.charges] == [
        ("search", 5),
        ("copy", 5),
        ("postage", 12),
    ]
    assert quote.basis == "校规"
    assert "依据：校规" in quote.lines()  # the notice names the school's own basis
    unmailed = fees.quote(policy_name="cost", pages=10, fee_standard=rates)
    assert [c.kind for c in unmailed.charges] == ["search", "copy"]
    no_search = fees.quote(policy_name="cost", pages=10, fee_standard=standard(search_fee=0))
    assert [c.kind for c in no_search.charges] == ["copy"]


def test_cost_recovery_is_never_charged_by_count():
    assert refusal(
        lambda: fees.quote(
            policy_name="cost", method=BY_COUNT, applications=3, fee_standard=standard()
        )
    ) == ["成本费按页数计算，不按件计收。"]


def test_an_unknown_policy_or_method_is_refused():
    assert refusal(lambda: fees.quote(policy_name="free", pages=1, fee_standard=standard())) == [
        "未知的收费政策“free”，可选：none、cost、gov-2020、school。"
    ]
    assert refusal(
        lambda: fees.quote(policy_name="gov-2020", method="both", pages=1, fee_standard=standard())
    ) == ["请选择按件计收或按量计收。"]


def test_the_cost_notice_itemises_search_copying_and_postage():
    # Rates as the settings form stores them (two decimal places).
    rates = standard(search_fee=Decimal("5.00"), copy_fee=Decimal("0.50"), postage=Decimal("12.00"))
    quote = fees.quote(policy_name="cost", pages=10, mailed=True, fee_standard=rates)
    assert [(c.basis, c.lines) for c in quote.charges] == [
        ("检索费 5 元", ("检索费 5 元",)),
        ("复制 10 页 × 0.50 元/页 = 5元", ("复制 10 页 × 0.50 元/页 = 5元",)),
        ("邮寄费 12 元", ("邮寄费 12 元",)),
    ]
    assert quote.lines() == [
        "收费标准：检索、复制、邮寄成本费",
        "检索费：",
        "  检索费 5 元",
        "  小计：5元",
        "复制费：",
        "  复制 10 页 × 0.50 元/页 = 5元",
        "  小计：5元",
        "邮寄费：",
        "  邮寄费 12 元",
        "  小计：12元",
        "应收费用：22 元",
    ]
