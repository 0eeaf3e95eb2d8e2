"""Every legal citation xxgk prints (letters, outcomes, catalogue, reports), with where it was
verified.

The rule (docs/law.md): cite an article number only where the text in force was read and the
number confirmed; otherwise name the instrument and the content of the rule. In particular
《高等学校信息公开办法》 (教育部令第29号, 5 chapters, 32 articles) is cited without article
numbers for the reply period, the reply outcomes, third parties and the annual report:
第二十五、二十六、二十七、三十四条 are the numbers of the 2022 revision draft (征求意见稿), not of
the text in force, and the numbers in force were not found (regulations.md, 更正与补充).

Citation texts are the Chinese of official documents (letters to applicants, the report) and
stay Chinese whatever the interface language, like the catalogue's own wording.

Sources named below are described in /work/shared/reference/regulations.md:
- REGULATION_SOURCE: the 2019 《政府信息公开条例》 in full, GitHub LawRefBook/Laws
  ``行政法规/政府信息公开条例(2019-04-03).md`` (index id 1246760508), read article by article.
"""

from dataclasses import dataclass

REGULATION_SOURCE = (
    "条例全文：GitHub LawRefBook/Laws 行政法规/政府信息公开条例(2019-04-03).md"
    "（国务院令第711号修订，2019年5月15日施行），逐条核对"
)


@dataclass(frozen=True)
class Instrument:
    title: str  # as printed: 《…》 with its document number when it helps identify it
    short: str  # the name alone, for notes


@dataclass(frozen=True)
class Citation:
    """One rule. `article` only when verified against the text in force; else `subject`."""

    instrument: Instrument
    article: str = ""
    subject: str = ""
    verified: str = ""

    def __str__(self) -> str:
        if self.article:
            return f"{self.instrument.title}{self.article}"
        return f"{self.instrument.title}{self.subject}"

    @property
    def number_verified(self) -> bool:
        return bool(self.article)


def joined(*citations: Citation) -> str:
    """Several citations as one legal-basis line (the reply letter's 依据), each instrument
    named once: 《…条例》第十五条、第三十二条."""
    grouped: dict[Instrument, tuple[list[str], list[str]]] = {}
    for citation in citations:
        articles, subjects = grouped.setdefault(citation.instrument, ([], []))
        (articles if citation.article else subjects).append(citation.article or citation.subject)
    lines = []
    for instrument, (articles, subjects) in grouped.items():
        text = "、".join(articles)
        if subjects:
            text += ("及" if articles else "") + "、".join(subjects)
        lines.append(f"{instrument.title}{text}")
    return "；".join(lines)


REGULATION = Instrument("《中华人民共和国政府信息公开条例》", "政府信息公开条例")
MEASURES = Instrument("《高等学校信息公开办法》（教育部令第29号）", "高等学校信息公开办法")
CATALOGUE_NOTICE = Instrument(
    "《教育部关于公布〈高等学校信息公开事项清单〉的通知》（教办函〔2014〕23号）",
    "高等学校信息公开事项清单通知",
)
FEE_MEASURES = Instrument(
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "政府信息公开信息处理费管理办法"
)
REPORT_FORMAT = Instrument(
    "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    "政府信息公开工作年度报告格式",
)
MOE_REPORT_NOTICE_2018 = Instrument(
    "《教育部办公厅关于全面推进高校信息公开做好信息公开年度报告工作的通知》（教办厅函〔2018〕80号）",
    "教办厅函〔2018〕80号",
)


def _regulation(article: str) -> Citation:
    return Citation(REGULATION, article=article, verified=REGULATION_SOURCE)


_MEASURES_UNVERIFIED = (
    "现行办法（教育部令第29号，5章32条）中该规则的条号和原文未找到；第二十五至二十七条、第三十四条"
    "是2022年修订草案（征求意见稿）的条号（265xx.com/w400/97111.html；xxgk.rzpt.cn/ctnshow.php/aid/254），"
    "不得引用。规则内容见 reference/README.md 要点表。"
)

# --- 《政府信息公开条例》 (2019): every article below read in the full text ------------------
REGULATION_STATE_SECRET = _regulation("第十四条")  # 国家秘密、法律行政法规禁止、三安全一稳定
REGULATION_THIRD_PARTY_RIGHTS = _regulation("第十五条")
REGULATION_INTERNAL_AFFAIRS = _regulation("第十六条第一款")
REGULATION_PROCESS_AND_CASE_FILES = _regulation("第十六条第二款")
REGULATION_CORRECTION = _regulation("第三十条")  # 7 working days to ask for 补正, once
REGULATION_THIRD_PARTY_CONSULTATION = _regulation("第三十二条")  # 15 working days to answer
REGULATION_REPLY_PERIOD = _regulation("第三十三条")  # 20 + 20 working days (government)
REGULATION_EXCESSIVE_REQUESTS = _regulation("第三十五条")
REGULATION_ALREADY_PUBLIC = _regulation("第三十六条第（一）项")
REGULATION_DISCLOSED = _regulation("第三十六条第（二）项")
REGULATION_NOT_EXISTING = _regulation("第三十六条第（四）项")
REGULATION_NOT_HELD = _regulation("第三十六条第（五）项")
REGULATION_REPEATED = _regulation("第三十六条第（六）项")
REGULATION_SPECIAL_REGISTERS = _regulation("第三十六条第（七）项")
REGULATION_PARTIAL = _regulation("第三十七条")
REGULATION_NO_NEW_INFORMATION = _regulation("第三十八条")
REGULATION_PETITIONS = _regulation("第三十九条第一款")
REGULATION_PUBLICATIONS = _regulation("第三十九条第二款")
REGULATION_PROCESSING_FEE = _regulation("第四十二条")
REGULATION_REPORT_DUE = _regulation("第四十九条")  # by 31 January (government report)
REGULATION_REPORT_CONTENTS = _regulation("第五十条")
REGULATION_PUBLIC_INSTITUTIONS = _regulation("第五十五条")

# --- 《高等学校信息公开办法》: by content, numbers not verified ------------------------------
MEASURES_REPLY_PERIOD = Citation(
    MEASURES,
    subject="关于依申请公开答复期限及延长答复期限的规定",
    verified=_MEASURES_UNVERIFIED,
)
MEASURES_REPLY_OUTCOMES = Citation(
    MEASURES,
    subject="关于依申请公开答复情形的规定",
    verified=_MEASURES_UNVERIFIED,
)
MEASURES_CORRECTION = Citation(
    MEASURES,
    subject="关于申请内容不明确时告知申请人补正的规定",
    verified=_MEASURES_UNVERIFIED,
)
MEASURES_THIRD_PARTY = Citation(
    MEASURES,
    subject="关于涉及第三方商业秘密、个人隐私的信息书面征求第三方意见的规定",
    verified=_MEASURES_UNVERIFIED,
)
MEASURES_NOT_DISCLOSED = Citation(
    MEASURES,
    subject="关于涉及国家秘密、商业秘密、个人隐私等信息不予公开的规定",
    verified=(
        "内容照办法原文（gerenjianli.net 汇编页：“（一）涉及国家秘密的；（二）涉及商业秘密的；"
        "（三）涉及个人隐私的；（四）法律、法规和规章以及学校规定的不予公开的其他信息”），"
        "条首被截断，“第十条”只是由上下文推定，故不写条号。"
    ),
)
MEASURES_PROACTIVE_SCOPE = Citation(
    MEASURES,
    subject="关于主动公开信息范围的规定",
    verified=(
        "办法中主动公开范围条款（团队曾记作第七条）的原文未找到，只有光明日报的概述"
        "（zs-bk.com 转载：12类信息纳入主动公开范围），故不写条号。"
    ),
)
MEASURES_ANNUAL_REPORT = Citation(
    MEASURES,
    subject="关于信息公开工作年度报告的规定",
    verified=_MEASURES_UNVERIFIED,
)

# --- Other instruments ------------------------------------------------------------------------
CATALOGUE_TIME_LIMIT = Citation(
    CATALOGUE_NOTICE,
    article="第二点“建立即时公开制度”",
    verified="通知正文原文：jlgjxh.com.cn/article/9/jiaoyubuwenjian/2014/0730/2983.html（来源：教育部网站）",
)
FEE_ONE_METHOD = Citation(
    FEE_MEASURES,
    article="第三条",
    verified=(
        "第三条原文：by6872.com、sdzhian.com 镜像及 dgmjb.com 等转载（来源：中国政府网），"
        "“不得同时按照两种标准重复计算”"
    ),
)
FEE_BY_COUNT = Citation(
    FEE_MEASURES,
    article="第四条",
    verified="第四条原文及按件计收标准：by6872.com 镜像；www.xinhui.gov.cn 收费公示",
)
FEE_BY_VOLUME = Citation(
    FEE_MEASURES,
    subject="按量计收标准",
    verified=(
        "按量计收标准原文：www.xinhui.gov.cn 收费公示表（30页以下不收费；31—100页10元/页；"
        "101—200页20元/页；201页以上40元/页）。第五条只见开头一句，标准所在的条款号未核实。"
    ),
)
FEE_PAYMENT_AND_LAPSE = Citation(
    FEE_MEASURES,
    subject="关于收费通知、缴费期间和逾期不缴费的规定",
    verified=(
        "办法第六条以后（收费程序、缴费期限、逾期后果）原文未找到。缴费期间不计入答复期限、"
        "逾期未缴费不再处理申请，见年报格式表三“（六）其他处理 2”的行名；缴费期限天数由学校设定。"
    ),
)
REPORT_FORMAT_TABLE_3 = Citation(
    REPORT_FORMAT,
    article="“三、收到和处理政府信息公开申请情况”表",
    verified=(
        "格式文件中该表原件未找到；行列标签照多个 GitHub 仓库的一致转录（索引 id 59685592790、"
        "32478372075、36458863505）与上海2019年报（id 18090078150）。"
    ),
)
MOE_REPORT_CONTENTS_2018 = Citation(
    MOE_REPORT_NOTICE_2018,
    article="第（二）项、第（五）项",
    verified=(
        "通知原文（年度报告内容（一）至（五）项）：acabridge.cn/news/201810/t20181025_1630218.shtml"
        "（转载微言教育）；文号见 mentorsc.com 山东省教育厅转发件。"
    ),
)

# --- What each place of the code cites -------------------------------------------------------
CORRECTION_NOTICE = joined(MEASURES_CORRECTION, REGULATION_CORRECTION)
EXTENSION_NOTICE = str(MEASURES_REPLY_PERIOD)
CONSULTATION_NOTICE = joined(MEASURES_THIRD_PARTY, REGULATION_THIRD_PARTY_CONSULTATION)
PROCESSING_FEE_NOTICE = joined(
    REGULATION_PROCESSING_FEE, FEE_ONE_METHOD, FEE_BY_COUNT, FEE_BY_VOLUME
)

ALL = {
    name: value
    for name, value in sorted(globals().items())
    if isinstance(value, Citation) and not name.startswith("_")
}
