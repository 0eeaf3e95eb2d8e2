"""What one application costs under a fee policy: the one calculation behind the case page,
the fee notice (services.assess_fees) and ``manage.py request_fee``.

Policies (models.FeePolicy, chosen by the office under 设置 → 依申请公开收费标准):

- none: no fee (the default for universities);
- cost: search, copying and postage (检索、复制、邮寄) at the office's rates;
- gov-2020: 信息处理费 of 国办函〔2020〕109号 (schedules.GOV_2020), by count or by volume;
- school: 信息处理费 at the school's own progressive bands, by count or by volume.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import FeeKind, FeePolicy, FeeStandard
from .schedules import (
    BY_COUNT,
    BY_VOLUME,
    GOV_2020,
    Charge,
    validate_applications,
    validate_pages,
    yuan,
)

METHODS = (BY_COUNT, BY_VOLUME)


def standard() -> FeeStandard:
    return FeeStandard.load()


def policy() -> str:
    return standard().policy


@dataclass(frozen=True)
class Quote:
    policy: str
    charges: list[Charge] = field(default_factory=list)
    basis: str = ""

    @property
    def total(self) -> Decimal:
        return sum((charge.amount for charge in self.charges), Decimal("0"))

    @property
    def policy_label(self) -> str:
        return str(FeePolicy(self.policy).label)

    def lines(self) -> list[str]:
        """The working, ending with the amount in the form ``1700 元``."""
        lines = [_("收费标准：%(policy)s") % {"policy": self.policy_label}]
        if self.basis:
            lines.append(_("依据：%(basis)s") % {"basis": self.basis})
        for charge in self.charges:
            lines.append(f"{FeeKind(charge.kind).label}：")
            lines.extend(f"  {line}" for line in charge.lines)
            lines.append(f"  {_('小计')}：{yuan(charge.amount)}元")
        if self.policy == FeePolicy.NONE:
            lines.append(_("学校依申请提供信息不收取费用。"))
        lines.append(_("应收费用：%(total)s 元") % {"total": yuan(self.total)})
        return lines


def cost_recovery(*, pages, mailed: bool, fee_standard: FeeStandard) -> list[Charge]:
    pages = validate_pages(pages)
    charges = []
    if fee_standard.search_fee:
        fee = fee_standard.search_fee
        line = _("检索费 %(fee)s 元") % {"fee": yuan(fee)}
        charges.append(Charge(FeeKind.SEARCH, fee, line, (line,)))
    copy = fee_standard.copy_fee * pages
    line = _("复制 %(pages)s 页 × %(rate)s 元/页 = %(amount)s元") % {
        "pages": pages,
        "rate": fee_standard.copy_fee,
        "amount": yuan(copy),
    }
    charges.append(Charge(FeeKind.COPY, copy, line, (line,)))
    if mailed:
        line = _("邮寄费 %(fee)s 元") % {"fee": yuan(fee_standard.postage)}
        charges.append(Charge(FeeKind.POSTAGE, fee_standard.postage, line, (line,)))
    return charges


def quote(
    *,
    policy_name: str | None = None,
    method: str = BY_VOLUME,
    pages=None,
    applications=None,
    mailed: bool = False,
    fee_standard: FeeStandard | None = None,
) -> Quote:
    """The fee for one application: `pages` answered (by volume, or the cost policy), or the
    applicant's `applications`-th application in the calendar month (by count).

    Bad input raises ValidationError with a Chinese message; nothing is ever priced at a
    silent zero.
    """
    fee_standard = fee_standard or standard()
    policy_name = policy_name or fee_standard.policy
    if policy_name not in FeePolicy.values:
        raise ValidationError(
            _("未知的收费政策“%(name)s”，可选：%(names)s。")
            % {"name": policy_name, "names": "、".join(FeePolicy.values)}
        )
    if policy_name == FeePolicy.NONE:
        # The count is still checked: a bad number is an error whatever the policy.
        if method == BY_COUNT:
            validate_applications(applications)
        else:
            validate_pages(pages)
        return Quote(policy_name)
    if policy_name == FeePolicy.COST:
        if method != BY_VOLUME:
            raise ValidationError(_("成本费按页数计算，不按件计收。"))
        charges = cost_recovery(pages=pages, mailed=mailed, fee_standard=fee_standard)
        return Quote(policy_name, charges, fee_standard.basis.strip())
    if policy_name == FeePolicy.SCHOOL:
        schedule = fee_standard.school_schedule()
        schedule.check()
    else:
        schedule = GOV_2020
    if method == BY_COUNT:
        charge = schedule.by_count(applications)
    elif method == BY_VOLUME:
        charge = schedule.by_volume(pages)
    else:
        raise ValidationError(_("请选择按件计收或按量计收。"))
    return Quote(policy_name, [charge], schedule.basis.strip())
