"""Fee calculators for the three policies an office can choose (conf XXGK_REQUESTS_FEE_POLICY).

- none: 《高等学校信息公开办法》 charges nothing by default;
- cost: search, copying and postage (检索、复制、邮寄) at the office's rates;
- processing: 信息处理费 of 国办函〔2020〕109号, either by the applicant's count of applications
  in the calendar month (按件) or by the pages requested (按量) — the office picks one per case.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import conf
from .models import FeeKind


@dataclass(frozen=True)
class Charge:
    kind: FeeKind
    amount: Decimal
    basis: str


def policy() -> str:
    return conf.get("XXGK_REQUESTS_FEE_POLICY")


def cost_recovery(*, pages: int, mailed: bool) -> list[Charge]:
    rates = conf.get("XXGK_REQUESTS_COST_RATES")
    charges = []
    if rates["search"]:
        charges.append(Charge(FeeKind.SEARCH, rates["search"], f"检索费 {rates['search']} 元"))
    if pages:
        amount = rates["copy_per_page"] * pages
        charges.append(
            Charge(FeeKind.COPY, amount, f"复制 {pages} 页 × {rates['copy_per_page']} 元/页")
        )
    if mailed:
        charges.append(Charge(FeeKind.POSTAGE, rates["postage"], f"邮寄费 {rates['postage']} 元"))
    return charges


def by_count(nth_in_month: int) -> Charge:
    """The fee for an applicant's nth application in one calendar month (按件计收)."""
    rules = conf.get("XXGK_REQUESTS_PROCESSING_FEES")
    if nth_in_month <= rules["free_per_month"]:
        amount = Decimal("0")
    elif nth_in_month <= rules["count_band_end"]:
        amount = rules["count_base"]
    else:
        steps = (nth_in_month - rules["count_band_end"] - 1) // rules["count_step_size"] + 1
        amount = rules["count_base"] + rules["count_step"] * steps
    return Charge(FeeKind.BY_COUNT, amount, f"本自然月第 {nth_in_month} 件申请")


def by_volume(pages: int) -> Charge:
    """The fee for the pages of one application (按量计收), band by band."""
    rules = conf.get("XXGK_REQUESTS_PROCESSING_FEES")
    amount, lower, rate = Decimal("0"), rules["free_pages"], Decimal("0")
    for upper, rate in rules["page_bands"]:
        amount += rate * max(0, min(pages, upper) - lower)
        lower = upper
    while pages > lower:
        rate += rules["page_step"]
        upper = lower + rules["page_step_size"]
        amount += rate * (min(pages, upper) - lower)
        lower = upper
    return Charge(FeeKind.BY_VOLUME, amount, f"申请信息共 {pages} 页")
