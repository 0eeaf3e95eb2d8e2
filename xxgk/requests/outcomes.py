"""The outcome taxonomy of a reply, row for row as the annual-report table counts it.

Rows and wording follow 表三 of 国办公开办函〔2021〕30号 ("三、本年度办理结果"); the legal
basis quotes 《高等学校信息公开办法》(教育部令第29号) first and 《政府信息公开条例》 where the
university rule is silent. Codes are stable identifiers used in the database and reports.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    code: str
    category: str
    label: str
    legal_basis: str

    @property
    def needs_reason(self) -> bool:
        """Everything short of full disclosure must tell the applicant why."""
        return self.code != "1"

    @property
    def full_label(self) -> str:
        return self.category if self.label == self.category else f"{self.category}：{self.label}"


_H = "《高等学校信息公开办法》"
_T = "《政府信息公开条例》"

OUTCOMES = [
    Outcome("1", "予以公开", "予以公开", f"{_H}第二十五条第（一）项"),
    Outcome(
        "2",
        "部分公开",
        "部分公开",
        f"{_H}第二十五条第（五）项",
    ),
    Outcome("3.1", "不予公开", "属于国家秘密", f"{_H}第十条第（一）项、第二十五条第（二）项"),
    Outcome(
        "3.2",
        "不予公开",
        "其他法律行政法规禁止公开",
        f"{_H}第十条第（四）项、第二十五条第（二）项",
    ),
    Outcome("3.3", "不予公开", "危及“三安全一稳定”", f"{_T}第十四条"),
    Outcome(
        "3.4",
        "不予公开",
        "保护第三方合法权益",
        f"{_H}第十条第（二）项、第（三）项，第二十六条",
    ),
    Outcome("3.5", "不予公开", "属于三类内部事务信息", f"{_T}第十六条第一款"),
    Outcome("3.6", "不予公开", "属于四类过程性信息", f"{_T}第十六条第二款"),
    Outcome("3.7", "不予公开", "属于行政执法案卷", f"{_T}第十六条第二款"),
    Outcome("3.8", "不予公开", "属于行政查询事项", f"{_T}第三十六条第（七）项"),
    Outcome(
        "4.1",
        "无法提供",
        "本机关不掌握相关信息",
        f"{_H}第二十五条第（三）项、第（四）项",
    ),
    Outcome("4.2", "无法提供", "没有现成信息需要另行制作", f"{_T}第三十八条"),
    Outcome("4.3", "无法提供", "补正后申请内容仍不明确", f"{_H}第二十五条第（六）项；{_T}第三十条"),
    Outcome("5.1", "不予处理", "信访举报投诉类申请", f"{_T}第三十九条第一款"),
    Outcome("5.2", "不予处理", "重复申请", f"{_H}第二十五条第（七）项"),
    Outcome("5.3", "不予处理", "要求提供公开出版物", f"{_T}第三十九条第二款"),
    Outcome("5.4", "不予处理", "无正当理由大量反复申请", f"{_T}第三十五条"),
    Outcome("5.5", "不予处理", "要求行政机关确认或重新出具已获取信息", f"{_T}第三十九条第二款"),
    Outcome(
        "6.1",
        "其他处理",
        "申请人无正当理由逾期不补正、不再处理其申请",
        f"{_H}第二十五条第（六）项；{_T}第三十条",
    ),
    Outcome(
        "6.2",
        "其他处理",
        "申请人逾期未按收费通知要求缴纳费用、不再处理其申请",
        f"{_T}第四十二条",
    ),
    Outcome("6.3", "其他处理", "其他", ""),
]

BY_CODE = {outcome.code: outcome for outcome in OUTCOMES}
CHOICES = [(o.code, f"{o.code} {o.full_label}") for o in OUTCOMES]
# Outcome recorded when the applicant lets a correction notice lapse.
LAPSED_CORRECTION = "6.1"


def get(code: str) -> Outcome:
    return BY_CODE[code]
