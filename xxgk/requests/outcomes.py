"""The outcome taxonomy of a reply, row for row as the annual-report table counts it.

Rows and labels are those of 表三 of 国办公开办函〔2021〕30号 ("三、本年度办理结果"), in full
(citations.REPORT_FORMAT_TABLE_3 says where the wording was checked). Each outcome carries its
legal basis from xxgk.law.citations: 《高等学校信息公开办法》 by content (its article numbers
in force are not verified), 《政府信息公开条例》 by verified article. Codes are stable
identifiers used in the database and reports.
"""

from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from xxgk.law import citations as c


@dataclass(frozen=True)
class Outcome:
    code: str
    category: str  # lazy: the official Chinese wording, English on an English screen
    label: str  # the official row label, in full (lazy likewise)
    legal_basis: str
    # The wording a reply letter uses when the official label carries a counting note.
    reply_label: str = ""

    @property
    def needs_reason(self) -> bool:
        """Everything short of full disclosure must tell the applicant why."""
        return self.code != "1"

    @property
    def is_category(self) -> bool:
        """予以公开 and 部分公开 are rows of their own, not reasons under a category."""
        return "." not in self.code

    @property
    def full_label(self) -> str:
        if self.is_category:
            return str(self.label)
        return gettext("%(category)s：%(label)s") % {"category": self.category, "label": self.label}

    @property
    def letter_label(self) -> str:
        if self.reply_label:
            return str(self.reply_label)
        return self.full_label


def _full_label(outcome: Outcome) -> str:
    return outcome.full_label


lazy_full_label = lazy(_full_label, str)


WITHHELD_BASIS = c.joined(c.MEASURES_NOT_DISCLOSED, c.REGULATION_STATE_SECRET)

OUTCOMES = [
    Outcome(
        "1",
        _("予以公开"),
        _("予以公开"),
        c.joined(c.MEASURES_REPLY_OUTCOMES, c.REGULATION_ALREADY_PUBLIC, c.REGULATION_DISCLOSED),
    ),
    Outcome(
        "2",
        _("部分公开"),
        _("部分公开（区分处理的，只计这一情形，不计其他情形）"),
        c.joined(c.MEASURES_REPLY_OUTCOMES, c.REGULATION_PARTIAL),
        reply_label=_("部分公开"),
    ),
    Outcome("3.1", _("不予公开"), _("属于国家秘密"), WITHHELD_BASIS),
    Outcome("3.2", _("不予公开"), _("其他法律行政法规禁止公开"), WITHHELD_BASIS),
    Outcome("3.3", _("不予公开"), _("危及“三安全一稳定”"), str(c.REGULATION_STATE_SECRET)),
    Outcome(
        "3.4",
        _("不予公开"),
        _("保护第三方合法权益"),
        c.joined(
            c.MEASURES_NOT_DISCLOSED,
            c.MEASURES_THIRD_PARTY,
            c.REGULATION_THIRD_PARTY_RIGHTS,
            c.REGULATION_THIRD_PARTY_CONSULTATION,
        ),
    ),
    Outcome("3.5", _("不予公开"), _("属于三类内部事务信息"), str(c.REGULATION_INTERNAL_AFFAIRS)),
    Outcome(
        "3.6", _("不予公开"), _("属于四类过程性信息"), str(c.REGULATION_PROCESS_AND_CASE_FILES)
    ),
    Outcome("3.7", _("不予公开"), _("属于行政执法案卷"), str(c.REGULATION_PROCESS_AND_CASE_FILES)),
    Outcome("3.8", _("不予公开"), _("属于行政查询事项"), str(c.REGULATION_SPECIAL_REGISTERS)),
    Outcome(
        "4.1",
        _("无法提供"),
        _("本机关不掌握相关政府信息"),
        c.joined(c.MEASURES_REPLY_OUTCOMES, c.REGULATION_NOT_EXISTING, c.REGULATION_NOT_HELD),
    ),
    Outcome(
        "4.2", _("无法提供"), _("没有现成信息需要另行制作"), str(c.REGULATION_NO_NEW_INFORMATION)
    ),
    Outcome(
        "4.3",
        _("无法提供"),
        _("补正后申请内容仍不明确"),
        c.joined(c.MEASURES_CORRECTION, c.REGULATION_CORRECTION),
    ),
    Outcome("5.1", _("不予处理"), _("信访举报投诉类申请"), str(c.REGULATION_PETITIONS)),
    Outcome(
        "5.2",
        _("不予处理"),
        _("重复申请"),
        c.joined(c.MEASURES_REPLY_OUTCOMES, c.REGULATION_REPEATED),
    ),
    Outcome("5.3", _("不予处理"), _("要求提供公开出版物"), str(c.REGULATION_PUBLICATIONS)),
    Outcome(
        "5.4", _("不予处理"), _("无正当理由大量反复申请"), str(c.REGULATION_EXCESSIVE_REQUESTS)
    ),
    # No provision read in the sources speaks to this row; the letter states the reason only.
    Outcome("5.5", _("不予处理"), _("要求行政机关确认或重新出具已获取信息"), ""),
    Outcome(
        "6.1",
        _("其他处理"),
        _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        c.joined(c.MEASURES_CORRECTION, c.REGULATION_CORRECTION),
    ),
    Outcome(
        "6.2",
        _("其他处理"),
        _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        c.joined(c.REGULATION_PROCESSING_FEE, c.FEE_PAYMENT_AND_LAPSE),
    ),
    Outcome("6.3", _("其他处理"), _("其他"), ""),
]

BY_CODE = {outcome.code: outcome for outcome in OUTCOMES}
# Lazy: the officer's language on screen; letters render them under zh-hans.
CHOICES = [(o.code, format_lazy("{} {}", o.code, lazy_full_label(o))) for o in OUTCOMES]
# Outcomes recorded when the applicant lets a correction notice or a fee notice lapse.
LAPSED_CORRECTION = "6.1"
LAPSED_FEE = "6.2"


def get(code: str) -> Outcome:
    return BY_CODE[code]
