"""Progressive fee schedules (超额累进), as 国办函〔2020〕109号 defines them, and their arithmetic.

Pure calculation, no database: the case page, the fee notice, the back-office settings form and
``manage.py request_fee`` all come here, so they cannot disagree.

- by volume (按量计收, one application): every band charges its own pages at its own rate;
  pages before the first band are free. 109号: 1–30 free, 31–100 ¥10, 101–200 ¥20, 201+ ¥40,
  so 100 pages cost 700 元 and 150 pages 1700 元;
- by count (按件计收, the applicant's n-th application in a calendar month): the n-th
  application costs its band's rate; after the last band, the rate rises by a fixed step per
  group of applications. 109号: 1–10 free, 11–30 ¥100, 31–40 ¥200, 41–50 ¥300 …

One application is charged by one of the two, never both (109号 第三条; services.assess_fees).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from xxgk.law import citations

# Bounds of what can be asked: far beyond any real case, and they keep every fee within the
# amount column (10 digits). 10⁹ pages is an error, never a number.
MAX_PAGES = 100_000
MAX_APPLICATIONS = 10_000
MAX_RATE = Decimal("500")

BY_VOLUME = "by_volume"  # the FeeKind values of models.py
BY_COUNT = "by_count"


@dataclass(frozen=True)
class Band:
    start: int  # the first page (or application) charged at this rate
    rate: Decimal


@dataclass(frozen=True)
class Charge:
    kind: str
    amount: Decimal
    basis: str  # one line for the fee record and the notice
    lines: tuple[str, ...] = ()  # the working, band by band


@dataclass(frozen=True)
class Schedule:
    name: str
    volume: tuple[Band, ...] = ()
    count: tuple[Band, ...] = ()
    count_step_size: int | None = None
    count_step_increment: Decimal | None = None
    basis: str = ""  # the legal basis printed on the notice

    def by_volume(self, pages: int) -> Charge:
        pages = validate_pages(pages)
        if not self.volume:
            raise ValidationError(_("该收费标准没有按量计收的分档。"))
        lines, amount = [], Decimal("0")
        if self.volume[0].start > 1:
            lines.append(_("1—%(end)s页：不收费") % {"end": min(pages, self.volume[0].start - 1)})
        for band, following in zip(self.volume, [*self.volume[1:], None], strict=True):
            if pages < band.start:
                break
            end = pages if following is None else min(pages, following.start - 1)
            units = end - band.start + 1
            subtotal = band.rate * units
            amount += subtotal
            lines.append(
                _("%(start)s—%(end)s页：%(units)s页 × %(rate)s元/页 = %(subtotal)s元")
                % {
                    "start": band.start,
                    "end": end,
                    "units": units,
                    "rate": yuan(band.rate),
                    "subtotal": yuan(subtotal),
                }
            )
        basis = _("按量计收，申请信息共%(pages)s页：%(lines)s") % {
            "pages": pages,
            "lines": "；".join(lines),
        }
        return Charge(BY_VOLUME, amount, basis, tuple(lines))

    def by_count(self, nth: int) -> Charge:
        nth = validate_applications(nth)
        if not self.count:
            raise ValidationError(_("该收费标准没有按件计收的分档。"))
        if nth < self.count[0].start:
            rate = Decimal("0")
            line = _("第1—%(end)s件：不收费") % {"end": self.count[0].start - 1}
        else:
            index = max(i for i, band in enumerate(self.count) if band.start <= nth)
            band = self.count[index]
            following = self.count[index + 1] if index + 1 < len(self.count) else None
            if following is not None or not self.count_step_size:
                rate, first = band.rate, band.start
                last = following.start - 1 if following is not None else None
            else:
                steps = (nth - band.start) // self.count_step_size
                rate = band.rate + (self.count_step_increment or 0) * steps
                first = band.start + steps * self.count_step_size
                last = first + self.count_step_size - 1
            if last is None:
                line = _("第%(first)s件起：每件%(rate)s元") % {"first": first, "rate": yuan(rate)}
            else:
                line = _("第%(first)s—%(last)s件：每件%(rate)s元") % {
                    "first": first,
                    "last": last,
                    "rate": yuan(rate),
                }
        lines = (_("同一申请人本自然月累计第%(nth)s件申请") % {"nth": nth}, line)
        basis = _("按件计收，%(lines)s") % {"lines": "；".join(lines)}
        return Charge(BY_COUNT, rate, basis, lines)

    def check(self) -> None:
        """Refuse a schedule that cannot be computed or makes no sense, in Chinese."""
        errors = []
        for kind, bands in ((_("按量计收"), self.volume), (_("按件计收"), self.count)):
            starts = [band.start for band in bands]
            if any(start < 1 for start in starts):
                errors.append(_("%(kind)s的起始页（件）数须不小于1。") % {"kind": kind})
            if len(set(starts)) != len(starts):
                errors.append(_("%(kind)s有两档的起始页（件）数相同。") % {"kind": kind})
            if any(start > MAX_PAGES for start in starts):
                errors.append(
                    _("%(kind)s的起始页（件）数不能超过%(max)s。")
                    % {"kind": kind, "max": MAX_PAGES}
                )
            if any(not Decimal("0") <= band.rate <= MAX_RATE for band in bands):
                errors.append(
                    _("%(kind)s的单价须在0至%(max)s元之间。") % {"kind": kind, "max": MAX_RATE}
                )
        if not self.volume and not self.count:
            errors.append(_("学校自定标准至少需要一档按量或按件的收费分档。"))
        step = (self.count_step_size, self.count_step_increment)
        if (step[0] is None) != (step[1] is None):
            errors.append(_("按件计收的“每多少件为一档”和“每档提高”须同时填写或同时留空。"))
        elif step[0] is not None:
            if not self.count:
                errors.append(_("设置了按件计收的递增档，但没有按件计收的分档。"))
            if step[0] < 1:
                errors.append(_("按件计收每档的件数须不小于1。"))
            if not Decimal("0") <= step[1] <= MAX_RATE:
                errors.append(_("按件计收每档提高的金额须在0至%(max)s元之间。") % {"max": MAX_RATE})
        if errors:
            raise ValidationError(errors)


def _whole_number(value, *, what: str, limit: int) -> int:
    if isinstance(value, bool):
        value = None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    if number is None:
        raise ValidationError(_("%(what)s须为整数。") % {"what": what})
    if not 1 <= number <= limit:
        raise ValidationError(
            _("%(what)s须在1至%(limit)s之间，收到的是%(value)s。")
            % {"what": what, "limit": limit, "value": number}
        )
    return number


def validate_pages(value) -> int:
    """A page count for 按量计收: 1 … MAX_PAGES, else a Chinese error (never a silent 0)."""
    return _whole_number(value, what=_("页数"), limit=MAX_PAGES)


def validate_applications(value) -> int:
    """The applicant's n-th application this month for 按件计收: 1 … MAX_APPLICATIONS."""
    return _whole_number(value, what=_("申请件数"), limit=MAX_APPLICATIONS)


def yuan(amount: Decimal) -> str:
    """1700 for whole yuan, 12.50 otherwise: the form the fee notice and the command print."""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return str(amount.quantize(Decimal("1")))
    return str(amount.quantize(Decimal("0.01")))


# 国办函〔2020〕109号: the bands as its text states them (citations.FEE_BY_COUNT, FEE_BY_VOLUME).
GOV_2020 = Schedule(
    name="gov-2020",
    volume=(Band(31, Decimal("10")), Band(101, Decimal("20")), Band(201, Decimal("40"))),
    count=(Band(11, Decimal("100")), Band(31, Decimal("200"))),
    count_step_size=10,
    count_step_increment=Decimal("100"),
    basis=citations.PROCESSING_FEE_NOTICE,
)
