"""The seed report (衢州学院2021-2022学年信息公开工作报告) as acceptance: its figures, computed
from the demo records, and every section the MoE rules require."""

import datetime
import io

from wagtail.models import Page

from tests.factories import bulk_disclosures
from xxgk.disclosures.models import DisclosurePage
from xxgk.registers.models import ChannelMonth, ProbationAssessment
from xxgk.reports import registry, services
from xxgk.reports.models import AnnualReportDraft
from xxgk.supervision.periods import Period
from xxgk_demo import reports as demo

SEED_FIGURES = {
    "channel.weibo.posts": 323,
    "channel.weibo.reads": 707220,
    "channel.weibo.likes": 767,
    "channel.wechat.posts": 479,
    "channel.wechat.reads": 468429,
    "channel.newspaper.posts": 17,
    "admissions.total": 2913,
    "admissions.provinces": 16,
    "admissions.home.total": 2090,
    "admissions.home.undergraduate": 1146,
    "admissions.home.vocational": 100,
    "admissions.home.upgrade": 688,
    "admissions.home.integrated": 31,
    "admissions.home.five_year": 125,
    "admissions.outside.total": 823,
    "admissions.outside.undergraduate": 823,
    "outreach.livestreams": 13,
    "outreach.video_reads": 365000,
    "outreach.members": 50,
    "outreach.provinces": 8,
    "outreach.cities": 22,
    "outreach.schools": 70,
    "procurement.decentralised": 162,
    "procurement.intention": 35,
    "cadre.promotion.middle": 8,
    "cadre.promotion.middle_chief": 2,
    "cadre.promotion.middle_deputy": 6,
    "cadre.transfer.middle": 6,
    "cadre.transfer.middle_chief": 2,
    "cadre.transfer.middle_deputy": 4,
    "cadre.transfer.section": 4,
    "cadre.transfer.section_chief": 3,
    "cadre.transfer.section_deputy": 1,
    "cadre.removal.middle": 4,
    "cadre.removal.middle_deputy": 4,
    "cadre.removal.section": 3,
    "cadre.removal.section_chief": 2,
    "cadre.removal.section_deputy": 1,
    "cadre.probation": 47,
    "disclosures.total": 2092,
    "requests.received": 0,
    "appeals.reconsideration": 0,
    "appeals.litigation": 0,
    "complaints.accepted": 0,
}
SECTIONS = [
    "一、概述",
    "二、主动公开情况",
    "三、依申请公开和不予公开情况",
    "四、对信息公开评议情况",
    # The seed (2022) still used the 2013 notice's heading “因学校信息公开工作受到举报的情况”;
    # 教办厅函〔2018〕80号 (五) reads “因学校信息公开工作受到举报、复议、诉讼的情况”
    # (regulations.md §6.5), and the seed's own text under it reports 复议 and 诉讼.
    "五、因学校信息公开工作受到举报、复议、诉讼的情况",
    "六、信息公开工作的主要经验、问题和改进措施",
    "七、其他需要报告的事项",
    # 教办厅函〔2018〕80号 (二): 清单所列事项“逐项说明并附栏目链接” (regulations.md §6.5, §6.7).
    "八、清单事项公开情况表",
]


def test_every_seed_figure(seed_year, dept_a, item_a):
    """One comparison names every figure that differs (the demo loads once).

    The demo holds ~200 disclosures; the seed year's 2092 are topped up in bulk, with
    decoys the count must ignore: published the day before the year began, or withdrawn.
    """
    period = Period.school_year(seed_year)
    already = registry.compute_all(period)["disclosures.total"] or 0
    bulk_disclosures(item_a, dept_a, 2092 - already, publication_date=datetime.date(2022, 3, 1))
    bulk_disclosures(item_a, dept_a, 3, publication_date=period.start - datetime.timedelta(days=1))
    bulk_disclosures(item_a, dept_a, 2, publication_date=datetime.date(2022, 3, 2))
    withdrawn = DisclosurePage.objects.filter(publication_date=datetime.date(2022, 3, 2))
    Page.objects.filter(pk__in=withdrawn.values("pk")).update(live=False)

    values = registry.compute_all(period)
    assert {code: values[code] for code in SEED_FIGURES} == SEED_FIGURES


def test_draft_has_every_required_section_and_the_seed_sentences(seed_year):
    draft = AnnualReportDraft.objects.get(year=seed_year)
    report = services.render_draft(draft, linked=False)
    assert [s.heading for s in report.sections if s.heading != "前言"] == SECTIONS
    text = "\n".join(p.text for s in report.sections for p in s.paragraphs)
    for sentence in [
        "推送官方微博323篇，总阅读量707220，总获赞数767；官方微信479篇，总阅读量468429；刊发校报17期",
        "面向全国16个省（区）共录取新生2913人",
        "在浙江省录取2090人，包括本科1146人，高职100人，专升本688人，中本一体化31人，"
        "五年制学前教育大专班125人；在省外录取823人",
        "分散采购信息公示162条",
        "公开采购意向信息35条",
        "累计提任中层干部8人（中层正职2人，中层副职6人），平级交流中层干部6人（中层正职2人，"
        "中层副职4人），平级交流科级干部4人（正科级3人，副科级1人），免去中层职务的4人"
        "（中层副职4人），免去科级职务的3人（正科级2人，副科级1人）；完成47名干部试用期满考核",
        "直播宣讲和访谈共13场次",
        "阅读量达365000次",
        "共有50名招生宣传团队成员，奔赴8省（区）22个地市70所中学",
        "本学年，学校未收到依申请公开的申请。",
        "没有因学校信息公开申请行政复议和提起行政诉讼的情况",
        "2021年9月-2022年8月",
    ]:
        assert sentence in text
    assert report.title == "衢州学院2021-2022学年信息公开工作报告"
    assert report.gaps == []


def test_demo_is_idempotent(seed_year):
    months, assessments = ChannelMonth.objects.count(), ProbationAssessment.objects.count()
    out = io.StringIO()
    demo.load_demo(out)
    assert "未改动" in out.getvalue()
    assert (ChannelMonth.objects.count(), ProbationAssessment.objects.count()) == (
        months,
        assessments,
    )
    assert AnnualReportDraft.objects.count() == 1
