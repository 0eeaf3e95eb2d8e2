"""Demo records for school year 2021-2022 that reproduce the seed report's figures
(衢州学院2021-2022学年信息公开工作报告). Called from `manage.py load_demo`; idempotent.

Only the totals come from the seed; how they split over months, provinces and people is made up.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from xxgk.registers.models import (
    AdmissionLevel,
    AdmissionResult,
    CadreAction,
    CadreChange,
    CadreLevel,
    Channel,
    ChannelKind,
    ChannelMonth,
    FeeSchedule,
    OutreachEvent,
    OutreachKind,
    OutreachMember,
    ProbationAssessment,
    ProcurementKind,
    ProcurementNotice,
)
from xxgk.reports import services
from xxgk.reports.defaults import MOE_NAME
from xxgk.reports.models import AnnualReportDraft, ReportTemplate

YEAR = 2021
MONTHS = [datetime.date(2021 + (9 + i - 1) // 12, (9 + i - 1) % 12 + 1, 1) for i in range(12)]
CHANNELS = [
    # name, kind, posts, reads, likes (None: the platform does not report it)
    ("衢州学院官方微博", ChannelKind.WEIBO, 323, 707220, 767),
    ("衢州学院官方微信", ChannelKind.WECHAT, 479, 468429, None),
    ("衢州学院报", ChannelKind.NEWSPAPER, 17, None, None),
    ("衢州学院抖音号", ChannelKind.DOUYIN, None, None, None),
]
ZHEJIANG = {
    AdmissionLevel.UNDERGRADUATE: 1146,
    AdmissionLevel.VOCATIONAL: 100,
    AdmissionLevel.UPGRADE: 688,
    AdmissionLevel.INTEGRATED: 31,
    AdmissionLevel.FIVE_YEAR: 125,
}
OTHER_PROVINCES = {
    "安徽": 80,
    "江西": 75,
    "福建": 70,
    "河南": 70,
    "湖北": 60,
    "湖南": 60,
    "四川": 60,
    "贵州": 55,
    "广西": 50,
    "山西": 45,
    "河北": 45,
    "甘肃": 40,
    "云南": 40,
    "重庆": 38,
    "山东": 35,
}  # 15 provinces, 823 undergraduates
VISIT_PLAN = {  # province: cities (22 in 8 provinces); 70 schools in all
    "浙江": ["衢州", "杭州", "金华", "丽水", "温州", "台州", "绍兴", "宁波"],
    "安徽": ["合肥", "安庆", "黄山"],
    "江西": ["上饶", "南昌", "景德镇"],
    "福建": ["南平", "福州"],
    "河南": ["郑州", "洛阳"],
    "湖北": ["武汉", "宜昌"],
    "湖南": ["长沙"],
    "贵州": ["贵阳"],
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰建国志红文斌晓东海波宇"
UNITS = [
    "党政办公室",
    "招生就业处",
    "教务处",
    "学生处",
    "机械工程学院",
    "电气与信息工程学院",
    "化学与材料工程学院",
    "建筑工程学院",
    "经济管理学院",
    "教师教育学院",
    "外国语学院",
]
CADRES = [
    (CadreAction.PROMOTION, CadreLevel.MIDDLE_CHIEF, 2),
    (CadreAction.PROMOTION, CadreLevel.MIDDLE_DEPUTY, 6),
    (CadreAction.TRANSFER, CadreLevel.MIDDLE_CHIEF, 2),
    (CadreAction.TRANSFER, CadreLevel.MIDDLE_DEPUTY, 4),
    (CadreAction.TRANSFER, CadreLevel.SECTION_CHIEF, 3),
    (CadreAction.TRANSFER, CadreLevel.SECTION_DEPUTY, 1),
    (CadreAction.REMOVAL, CadreLevel.MIDDLE_DEPUTY, 4),
    (CadreAction.REMOVAL, CadreLevel.SECTION_CHIEF, 2),
    (CadreAction.REMOVAL, CadreLevel.SECTION_DEPUTY, 1),
]
POSITION = {
    CadreLevel.MIDDLE_CHIEF: "{unit}处长（院长）",
    CadreLevel.MIDDLE_DEPUTY: "{unit}副处长（副院长）",
    CadreLevel.SECTION_CHIEF: "{unit}科长",
    CadreLevel.SECTION_DEPUTY: "{unit}副科长",
}
FEES = [
    ("学费", "普通本科（文史、经管类）", "5300元/生·学年", "浙价费〔2016〕144号"),
    ("学费", "普通本科（理工类）", "6100元/生·学年", "浙价费〔2016〕144号"),
    ("学费", "普通本科（艺术类）", "11000元/生·学年", "浙价费〔2016〕144号"),
    ("学费", "专科（高职）", "6000元/生·学年", "浙价费〔2016〕144号"),
    ("住宿费", "四人间", "1200元/生·学年", "浙发改价格〔2019〕210号"),
    ("住宿费", "六人间", "1000元/生·学年", "浙发改价格〔2019〕210号"),
]


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` spread over ``parts`` non-negative integers, roughly even, summing exactly."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    shares = [int(total * w / sum(weights)) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


def _names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        if name not in names:
            names.append(name)
    return names


def _day(rng: random.Random, start=datetime.date(2021, 9, 1), end=datetime.date(2022, 8, 31)):
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def _channels(rng):
    for order, (name, kind, posts, reads, likes) in enumerate(CHANNELS):
        channel, _ = Channel.objects.get_or_create(
            name=name, defaults={"kind": kind, "sort_order": order}
        )
        if posts is None:
            continue
        posts_by_month = _split(posts, 12, rng)
        reads_by_month = _split(reads, 12, rng) if reads is not None else [None] * 12
        likes_by_month = _split(likes, 12, rng) if likes is not None else [None] * 12
        for month, p, r, k in zip(
            MONTHS, posts_by_month, reads_by_month, likes_by_month, strict=True
        ):
            ChannelMonth.objects.get_or_create(
                channel=channel, month=month, defaults={"posts": p, "reads": r, "likes": k}
            )


def _admissions():
    rows = [("浙江", level, n) for level, n in ZHEJIANG.items()]
    rows += [(p, AdmissionLevel.UNDERGRADUATE, n) for p, n in OTHER_PROVINCES.items()]
    for province, level, admitted in rows:
        AdmissionResult.objects.get_or_create(
            year=YEAR + 1, province=province, level=level, defaults={"admitted": admitted}
        )


def _outreach(rng):
    season = (datetime.date(2022, 4, 1), datetime.date(2022, 7, 31))
    media = ["阳光高考信息平台", "浙江日报", "浙江教育报", "衢州日报", "中国教育在线"]
    for n in range(13):
        OutreachEvent.objects.get_or_create(
            kind=OutreachKind.LIVESTREAM,
            held_on=_day(rng, *season),
            title=f"2022年招生直播宣讲（第{n + 1}场）",
            school="",
            defaults={"platform": media[n % len(media)]},
        )
    platforms = ["微信朋友圈", "抖音", "无线衢州", "学校视频号", "微信朋友圈"]
    for n, reads in enumerate(_split(365000, 5, rng)):
        OutreachEvent.objects.get_or_create(
            kind=OutreachKind.VIDEO,
            held_on=_day(rng, *season),
            title=f"衢州学院招生宣传短视频（{n + 1}）",
            school="",
            defaults={"platform": platforms[n], "reads": reads},
        )
    cities = [(p, c) for p, cs in VISIT_PLAN.items() for c in cs]
    for n in range(70):
        province, city = cities[n % len(cities)]
        OutreachEvent.objects.get_or_create(
            kind=OutreachKind.VISIT,
            held_on=_day(rng, *season),
            title="赴中学招生咨询",
            school=f"{city}第{n // len(cities) + 1}中学",
            defaults={"province": province, "city": city},
        )
    for name in _names(rng, 50):
        OutreachMember.objects.get_or_create(
            school_year_start=YEAR, name=name, unit=rng.choice(UNITS)
        )


def _fees():
    for item, scope, standard, basis in FEES:
        FeeSchedule.objects.get_or_create(
            item=item,
            scope=scope,
            effective_from=datetime.date(2021, 9, 1),
            defaults={"standard": standard, "basis": basis},
        )


def _procurement(rng):
    plan = [
        (ProcurementKind.DECENTRALISED, 162, "衢州学院招标采购网", "分散采购公示"),
        (ProcurementKind.INTENTION, 35, "浙江省政府采购网", "采购意向公开"),
        (ProcurementKind.TENDER_RESULT, 12, "衢州市公共资源交易网", "中标结果公告"),
    ]
    goods = ["教学实验设备", "办公家具", "图书资料", "网络设备", "维修工程", "物业服务"]
    for kind, count, platform, label in plan:
        for n in range(count):
            ProcurementNotice.objects.get_or_create(
                kind=kind,
                title=f"衢州学院{rng.choice(goods)}{label}（QZXY-{kind[:2].upper()}-{n + 1:03d}）",
                published_on=_day(rng),
                defaults={"platform": platform},
            )


def _cadres(rng):
    people = iter(_names(rng, 80))
    serial = 0
    for action, level, count in CADRES:
        for _ in range(count):
            serial += 1
            CadreChange.objects.get_or_create(
                action=action,
                person=next(people),
                position=POSITION[level].format(unit=rng.choice(UNITS)),
                effective_on=_day(rng),
                defaults={"level": level, "document_number": f"衢院党〔2022〕{serial}号"},
            )
    for name in _names(random.Random(47), 47):
        ProbationAssessment.objects.get_or_create(
            person=name,
            position=f"{rng.choice(UNITS)}中层干部",
            assessed_on=_day(rng),
        )


def ensure_draft() -> AnnualReportDraft:
    """The 2021-2022 draft of the MoE template, generated by the report generator over the
    demo records (once: the office's later edits are kept)."""
    services.ensure_default_templates()
    template = ReportTemplate.objects.get(name=MOE_NAME)
    existing = AnnualReportDraft.objects.filter(template=template, year=YEAR).first()
    if existing is not None:
        return existing
    user = get_user_model().objects.filter(username="office").first()
    user = user or get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    return services.generate_draft(template, YEAR, user=user)


def _draft() -> int:
    if AnnualReportDraft.objects.filter(year=YEAR, template__name=MOE_NAME).exists():
        return 0
    if not get_user_model().objects.filter(is_superuser=True).exists():
        return 0
    ensure_draft()
    return 1


def load_demo(stdout) -> None:
    if (
        Channel.objects.filter(name=CHANNELS[0][0]).exists()
        and ProbationAssessment.objects.exists()
    ):
        stdout.write("年度报告数据：已存在，未改动。")
        return
    rng = random.Random(2022)  # the same records on every machine
    with transaction.atomic():
        _channels(rng)
        _admissions()
        _outreach(rng)
        _fees()
        _procurement(rng)
        _cadres(rng)
        drafts = _draft()
    stdout.write(
        f"年度报告数据：2021-2022学年渠道、招生、采购、干部记录已载入，生成报告草稿 {drafts} 份。"
    )
