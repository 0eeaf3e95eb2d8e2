"""The annual report's figures over the registers the office enters for it (channels,
admissions, outreach, fees, procurement, cadre changes), registered in the report's figure
registry (xxgk/reports/registry.py) from RegistersConfig.ready() like every other app's
figures. Rows over these registers are gaps, not zeros, when the period has none.
"""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from xxgk.reports.registry import (
    Figure,
    Period,
    admission_year,
    distinct,
    home_province,
    register_figures,
    sum_of,
)

from .models import (
    AdmissionLevel,
    AdmissionResult,
    CadreAction,
    CadreChange,
    CadreLevel,
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

# --- Channels ---------------------------------------------------------------------------------


def _channel_months(kind):
    def records(period):
        return ChannelMonth.objects.filter(
            channel__kind=kind, month__range=(period.start.replace(day=1), period.end)
        ).select_related("channel")

    return records


def months_begun(period: Period) -> list[datetime.date]:
    """First days of the period's months that have begun (a running year is not short)."""
    last = min(period.end, timezone.localdate())
    months, month = [], period.start.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _missing_channel_months(kind, field_name):
    """Months of the period without a figure, for each channel of the kind that reports in it."""

    def missing(period):
        rows = ChannelMonth.objects.filter(
            channel__kind=kind, month__range=(period.start.replace(day=1), period.end)
        )
        present = defaultdict(set)
        for channel, month, value in rows.values_list("channel__name", "month", field_name):
            if value is not None:
                present[channel].add(month)
        names = set(rows.values_list("channel__name", flat=True))
        return [
            f"{name}{month.year}年{month.month}月"
            for name in sorted(names)
            for month in months_begun(period)
            if month not in present[name]
        ]

    return missing


def _describe_month(m):
    reads = "—" if m.reads is None else m.reads
    likes = "—" if m.likes is None else m.likes
    return f"{m.channel} {m.month:%Y年%m月}：发布{m.posts}，阅读{reads}，获赞{likes}"


def _channel_rows():
    rows = []
    for kind in ChannelKind:
        unit = "期" if kind == ChannelKind.NEWSPAPER else "篇"
        fields = [("posts", f"发布{unit}数")]
        if kind != ChannelKind.NEWSPAPER:
            fields += [("reads", "总阅读量"), ("likes", "总获赞数")]
        for name, label in fields:
            records = _channel_months(kind)
            if name != "posts":
                records = (lambda base, n: lambda p: base(p).exclude(**{f"{n}__isnull": True}))(
                    records, name
                )
            rows.append(
                Figure(
                    f"channel.{kind.value}.{name}",
                    f"{kind.label}{label}",
                    "发布渠道",
                    records,
                    value=sum_of(name),
                    gap_if_empty=True,
                    meaning=f"{kind.label}各月{label}之和（渠道月度数据）；缺任何一个月即为待补。",
                    describe=_describe_month,
                    missing=_missing_channel_months(kind, name),
                )
            )
    return rows


# --- Admissions and outreach -----------------------------------------------------------------


LEVEL_KEYS = {
    "undergraduate": AdmissionLevel.UNDERGRADUATE,
    "vocational": AdmissionLevel.VOCATIONAL,
    "upgrade": AdmissionLevel.UPGRADE,
    "integrated": AdmissionLevel.INTEGRATED,
    "five_year": AdmissionLevel.FIVE_YEAR,
}


def _admissions(where=None, **filters):
    def records(period):
        qs = AdmissionResult.objects.filter(year=admission_year(period), **filters)
        if where == "home":
            qs = qs.filter(province=home_province())
        elif where == "outside":
            qs = qs.exclude(province=home_province())
        return qs

    return records


def _admission_rows():
    home = home_province()
    rows = [
        Figure(
            "admissions.total",
            "录取新生总数",
            "招生",
            _admissions(),
            value=sum_of("admitted"),
            gap_if_empty=True,
            meaning="统计期间所在招生年度录取新生人数（录取结果之和）。",
        ),
        Figure(
            "admissions.provinces",
            "录取新生的省份数",
            "招生",
            _admissions(),
            value=distinct("province"),
            gap_if_empty=True,
            meaning="有录取新生的省（区、市）个数。",
        ),
    ]
    for where, place in (("home", f"{home}省"), ("outside", "省外")):
        rows.append(
            Figure(
                f"admissions.{where}.total",
                f"在{place}录取人数",
                "招生",
                _admissions(where),
                value=sum_of("admitted"),
                gap_if_empty=True,
                meaning=f"在{place}录取人数。",
            )
        )
        for key, level in LEVEL_KEYS.items():
            rows.append(
                Figure(
                    f"admissions.{where}.{key}",
                    f"在{place}录取{level.label}人数",
                    "招生",
                    _admissions(where, level=level),
                    value=sum_of("admitted"),
                    meaning=f"在{place}录取的{level.label}人数。",
                )
            )
    return rows


def _outreach(kind):
    return lambda p: OutreachEvent.objects.filter(kind=kind, held_on__range=(p.start, p.end))


def _school_year_start(period: Period) -> int:
    """The school year a period reports on: one starting in its second half-year (a school
    year from 1 August or 1 September) begins that year, a calendar year the year before."""
    return period.start.year if period.start.month >= 7 else period.start.year - 1


def _outreach_rows():
    visits = _outreach(OutreachKind.VISIT)
    return [
        Figure(
            "outreach.livestreams",
            "直播宣讲和访谈场次",
            "招生",
            _outreach(OutreachKind.LIVESTREAM),
            gap_if_empty=True,
            meaning="统计期间直播宣讲、访谈活动场次。",
        ),
        Figure(
            "outreach.video_reads",
            "宣传短视频阅读量",
            "招生",
            _outreach(OutreachKind.VIDEO),
            value=sum_of("reads"),
            gap_if_empty=True,
            meaning="投放的宣传短视频阅读量之和。",
            describe=lambda e: f"{e.held_on} {e.title}（{e.platform}）阅读{e.reads}",
        ),
        Figure(
            "outreach.members",
            "招生宣传团队成员数",
            "招生",
            lambda p: OutreachMember.objects.filter(school_year_start=_school_year_start(p)),
            gap_if_empty=True,
            meaning="该学年招生宣传团队成员人数。",
        ),
        Figure(
            "outreach.provinces",
            "招生咨询到达省份数",
            "招生",
            visits,
            value=distinct("province"),
            gap_if_empty=True,
            meaning="赴中学招生咨询到达的省（区）个数。",
        ),
        Figure(
            "outreach.cities",
            "招生咨询到达地市数",
            "招生",
            visits,
            value=lambda qs: qs.exclude(city="").values("province", "city").distinct().count(),
            gap_if_empty=True,
            meaning="赴中学招生咨询到达的地市个数。",
        ),
        Figure(
            "outreach.schools",
            "招生咨询中学数",
            "招生",
            visits,
            value=lambda qs: (
                qs.exclude(school="").values("province", "city", "school").distinct().count()
            ),
            gap_if_empty=True,
            meaning="赴中学招生咨询的中学所数。",
        ),
    ]


# --- Finance, procurement, personnel ----------------------------------------------------------


def _procurement(kind):
    return lambda p: ProcurementNotice.objects.filter(
        kind=kind, published_on__range=(p.start, p.end)
    )


def _cadres(action, levels):
    return lambda p: CadreChange.objects.filter(
        action=action, level__in=levels, effective_on__range=(p.start, p.end)
    )


def _finance_personnel_rows():
    rows = [
        Figure(
            "fees.items",
            "公示的收费项目数",
            "财务",
            lambda p: FeeSchedule.objects.filter(effective_from__lte=p.end).filter(
                Q(effective_until__isnull=True) | Q(effective_until__gte=p.start)
            ),
            gap_if_empty=True,
            meaning="统计期间内有效的收费公示项目数。",
        )
    ]
    for kind in ProcurementKind:
        rows.append(
            Figure(
                f"procurement.{kind.value}",
                f"{kind.label}条数",
                "采购",
                _procurement(kind),
                gap_if_empty=True,
                meaning=f"统计期间发布的{kind.label}条数。",
                describe=lambda n: f"{n.published_on} {n.title}（{n.platform}）",
            )
        )
    groups = [
        ("middle", "中层干部", CadreLevel.middle()),
        ("section", "科级干部", CadreLevel.section()),
    ]
    for action in CadreAction:
        for key, label, levels in groups:
            rows.append(
                Figure(
                    f"cadre.{action.value}.{key}",
                    f"{action.label}{label}人数",
                    "干部任免",
                    _cadres(action, levels),
                    meaning=f"统计期间{action.label}的{label}人数。",
                )
            )
            for level in levels:
                rows.append(
                    Figure(
                        f"cadre.{action.value}.{level.value}",
                        f"{action.label}{level.label}人数",
                        "干部任免",
                        _cadres(action, [level]),
                        meaning=f"统计期间{action.label}的{level.label}人数。",
                    )
                )
    rows.append(
        Figure(
            "cadre.probation",
            "完成试用期满考核干部数",
            "干部任免",
            lambda p: ProbationAssessment.objects.filter(assessed_on__range=(p.start, p.end)),
            meaning="统计期间完成试用期满考核的干部人数。",
        )
    )
    return rows


def register():
    register_figures(_channel_rows, order=20)
    register_figures(_admission_rows, order=100)
    register_figures(_outreach_rows, order=110)
    register_figures(_finance_personnel_rows, order=120)
