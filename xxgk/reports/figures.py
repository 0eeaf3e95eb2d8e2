"""The report-row registry (the MoJ CTS pattern): every figure a report template can cite.

Each row has a code (used as ``{{ code }}`` in section text), a label, a selector computing an
integer over a period, and a drill-down returning the records it counts. A row whose source
has no records for the period is a *gap*, not a zero, when ``gap_if_empty`` is set: the draft
marks it for the office to fill.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from xxgk.catalogue.models import CatalogueCategoryPage, CatalogueItemPage
from xxgk.complaints.models import Complaint, ComplaintStatus
from xxgk.disclosures.selectors import published_disclosures
from xxgk.evaluation.models import HelpfulVote
from xxgk.mailbox.models import Letter, LetterStatus
from xxgk.requests import stats
from xxgk.requests.models import Appeal, AppealKind, AppealResult, Fee
from xxgk.review.models import ReviewRecord, Step
from xxgk.supervision.models import ActionKind, SupervisionAction
from xxgk.supervision.periods import Period

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
from .tables import APPEAL_RESULTS, request_row_key


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    group: str
    records: Callable[[Period], QuerySet]
    value: Callable[[QuerySet], int | None] = lambda qs: qs.count()
    gap_if_empty: bool = False
    meaning: str = ""
    describe: Callable[[object], str] = str
    extra: dict = field(default_factory=dict)
    # What part of the period has no data (e.g. months a channel has no figures for): a
    # partial sum would pass for the year's total, so it is a gap too.
    missing: Callable[[Period], list[str]] | None = None

    def compute(self, period: Period) -> int | None:
        """The figure, or None when the period has no (or incomplete) data: a gap to fill."""
        records = self.records(period)
        if self.gap_if_empty and not records.exists():
            return None
        if self.missing is not None and self.missing(period):
            return None
        return self.value(records) or 0

    def gap_label(self, period: Period) -> str:
        missing = self.missing(period) if self.missing is not None else []
        if not missing:
            return self.label
        more = f"等{len(missing)}个月" if len(missing) > 3 else ""
        return f"{self.label}（缺{'、'.join(missing[:3])}{more}）"


def _sum(field_name):
    return lambda qs: qs.aggregate(n=Sum(field_name))["n"]


def _distinct(field_name):
    return lambda qs: qs.exclude(**{field_name: ""}).aggregate(n=Count(field_name, distinct=True))[
        "n"
    ]


def _aware_range(period: Period):
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(period.start, datetime.time.min, tz),
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min, tz),
    )


# --- Disclosures ------------------------------------------------------------------------------


def _disclosures(period):
    return published_disclosures().filter(publication_date__range=(period.start, period.end))


def _disclosure_rows():
    rows = [
        Row(
            "disclosures.total",
            "主动公开信息总数",
            "主动公开",
            _disclosures,
            meaning="本期发布日期在统计期间内、现仍公开的公开信息条数。",
            describe=lambda d: f"{d.publication_date} {d.title}（{d.publishing_department}）",
        )
    ]
    items = defaultdict(list)
    for item_id, path in CatalogueItemPage.objects.values_list("pk", "path"):
        items[path[: -CatalogueItemPage.steplen]].append(item_id)
    for category in CatalogueCategoryPage.objects.order_by("number"):
        rows.append(
            Row(
                f"disclosures.category{category.number}",
                f"主动公开信息数·{category.title}",
                "主动公开",
                lambda p, ids=items[category.path]: _disclosures(p).filter(
                    catalogue_item_id__in=ids
                ),
                meaning=f"清单第{category.number}类“{category.title}”下的公开信息条数。",
                describe=lambda d: f"{d.publication_date} {d.title}",
            )
        )
    return rows


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
                Row(
                    f"channel.{kind.value}.{name}",
                    f"{kind.label}{label}",
                    "发布渠道",
                    records,
                    value=_sum(name),
                    gap_if_empty=True,
                    meaning=f"{kind.label}各月{label}之和（渠道月度数据）；缺任何一个月即为待补。",
                    describe=_describe_month,
                    missing=_missing_channel_months(kind, name),
                )
            )
    return rows


# --- Mailbox, requests, complaints, evaluation, supervision ------------------------------------


def _letters_answered(period):
    since, until = _aware_range(period)
    return Letter.objects.filter(
        received_at__gte=since, received_at__lt=until, status=LetterStatus.ANSWERED
    ).order_by("received_at")


def _request_row(code, stats_code, label, meaning):
    def records(period):
        return stats.cases(period, stats_code)

    return Row(
        code,
        label,
        "依申请公开",
        records,
        meaning=meaning,
        describe=lambda a: f"{a.number} 收到于{a.received_on}",
    )


def _withheld(period):
    return stats.cases(period, "三.总计").filter(outcome__startswith="3.")


def _fees(period):
    return Fee.objects.filter(assessed_on__range=(period.start, period.end)).select_related(
        "application"
    )


def _appeals(*kinds):
    def records(period):
        return Appeal.objects.filter(
            filed_on__range=(period.start, period.end), kind__in=kinds
        ).select_related("application")

    return records


def _complaints(accepted_only):
    def records(period):
        since, until = _aware_range(period)
        qs = Complaint.objects.filter(received_at__gte=since, received_at__lt=until)
        return qs.exclude(status=ComplaintStatus.REJECTED) if accepted_only else qs

    return records


def _votes(helpful):
    def records(period):
        since, until = _aware_range(period)
        return HelpfulVote.objects.filter(
            created_at__gte=since, created_at__lt=until, helpful=helpful
        ).order_by("-created_at", "-pk")

    return records


def _actions(kind):
    def records(period):
        return SupervisionAction.objects.filter(
            created_at__date__range=(period.start, period.end), kind=kind
        ).select_related("department")

    return records


def _reviews(period):
    return ReviewRecord.objects.filter(
        step=Step.CONFIDENTIALITY, decided_at__date__range=(period.start, period.end)
    )


def _interaction_rows():
    return [
        Row(
            "mailbox.answered",
            "处理答复校长信箱、书记信箱问题数",
            "互动交流",
            _letters_answered,
            meaning="统计期间收到、已答复的领导信箱来信件数。",
            describe=lambda x: f"{x.number} {x.subject}",
        ),
        _request_row("requests.received", "一", "收到信息公开申请数", "表三第一行：本期新收申请。"),
        _request_row("requests.carried_in", "二", "上年结转申请数", "表三第二行：上期结转申请。"),
        _request_row("requests.closed", "三.总计", "办结申请数", "表三第三行总计：本期办结。"),
        _request_row(
            "requests.disclosed", "三.1", "予以公开的申请数", "表三（一）：办结结果为予以公开。"
        ),
        Row(
            "requests.withheld",
            "不予公开的申请数",
            "依申请公开",
            _withheld,
            meaning="表三（三）：办结结果为不予公开（3.1–3.8）。",
            describe=lambda a: f"{a.number} 收到于{a.received_on}",
        ),
        Row(
            "requests.fees",
            "依申请公开收费笔数",
            "依申请公开",
            _fees,
            meaning="统计期间核定的信息处理费笔数。",
            describe=lambda f: f"{f.application.number} {f.amount}元",
        ),
        Row(
            "requests.fees_waived",
            "依申请公开减免收费笔数",
            "依申请公开",
            lambda p: _fees(p).filter(waived_amount__gt=0),
            meaning="其中减免的笔数。",
            describe=lambda f: f"{f.application.number} 减免{f.waived_amount}元",
        ),
        Row(
            "appeals.reconsideration",
            "因信息公开申请行政复议数",
            "复议诉讼",
            _appeals(AppealKind.RECONSIDERATION),
            meaning="统计期间提出的行政复议件数（表四）。",
            describe=lambda a: f"{a.application.number} {a.filed_on}",
        ),
        Row(
            "appeals.litigation",
            "因信息公开提起行政诉讼数",
            "复议诉讼",
            _appeals(AppealKind.LITIGATION_DIRECT, AppealKind.LITIGATION_AFTER),
            meaning="统计期间提起的行政诉讼件数（表四，含复议后起诉）。",
            describe=lambda a: f"{a.application.number} {a.filed_on}",
        ),
        Row(
            "complaints.received",
            "因信息公开工作收到的举报数",
            "举报",
            _complaints(accepted_only=False),
            meaning="统计期间收到的举报件数。",
            describe=lambda c: f"{c.number} {c.subject}",
        ),
        Row(
            "complaints.accepted",
            "受理的举报数",
            "举报",
            _complaints(accepted_only=True),
            meaning="其中受理（未不予受理）的件数。",
            describe=lambda c: f"{c.number} {c.subject}",
        ),
        Row(
            "evaluation.helpful",
            "公开信息“有帮助”评价数",
            "评议",
            _votes(True),
            meaning="公众对公开信息的“有帮助”评价次数。",
        ),
        Row(
            "evaluation.unhelpful",
            "公开信息“没帮助”评价数",
            "评议",
            _votes(False),
            meaning="公众对公开信息的“没帮助”评价次数。",
        ),
        Row(
            "supervision.reminders",
            "对部门的提醒次数",
            "监督检查",
            _actions(ActionKind.REMINDER),
            meaning="对不按要求公开、不及时更新的部门发出的提醒次数。",
        ),
        Row(
            "supervision.urgings",
            "对部门的督促次数",
            "监督检查",
            _actions(ActionKind.URGING),
            meaning="督促次数。",
        ),
        Row(
            "review.reviews",
            "保密审查次数",
            "保密审查",
            _reviews,
            meaning="统计期间完成的保密审查次数（同意与退回）。",
        ),
    ]


def _table_rows():
    """Every cell of 表三 and 表四 (国办公开办函〔2021〕30号), as xxgk.requests.stats counts it."""

    rows = []
    for table_row in stats.ROWS:
        for column, column_label in stats.COLUMNS:
            rows.append(
                Row(
                    f"t3.{request_row_key(table_row.code)}.{column}",
                    f"表三·{table_row.label}·{column_label}",
                    "表三 收到和处理申请",
                    lambda p, c=table_row.code, col=column: stats.cases(p, c, col),
                    meaning=f"表三第“{table_row.code}”行“{column_label}”列。",
                    describe=lambda a: f"{a.number} 收到于{a.received_on}",
                )
            )

    def appeals(kind, result):
        def records(period):
            found = stats.appeal_cases(period, kind, result)
            return Appeal.objects.filter(pk__in=[a.pk for a in found]).select_related("application")

        return records

    for kind in AppealKind:
        for result in [*APPEAL_RESULTS, stats.TOTAL]:
            result_label = "总计" if result == stats.TOTAL else AppealResult(result).label
            rows.append(
                Row(
                    f"t4.{kind.value}.{result}",
                    f"表四·{kind.label}·{result_label}",
                    "表四 行政复议、行政诉讼",
                    appeals(kind.value, result),
                    meaning=f"表四：统计期间提出的{kind.label}，截至期末{result_label}的件数。",
                    describe=lambda a: f"{a.application.number} {a.filed_on}",
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


def home_province() -> str:
    return getattr(settings, "XXGK_HOME_PROVINCE", "浙江")


def admission_year(period: Period) -> int:
    """The admissions of a school year are those of the summer it ends in (2021-2022 → 2022)."""
    return period.end.year


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
        Row(
            "admissions.total",
            "录取新生总数",
            "招生",
            _admissions(),
            value=_sum("admitted"),
            gap_if_empty=True,
            meaning="统计期间所在招生年度录取新生人数（录取结果之和）。",
        ),
        Row(
            "admissions.provinces",
            "录取新生的省份数",
            "招生",
            _admissions(),
            value=_distinct("province"),
            gap_if_empty=True,
            meaning="有录取新生的省（区、市）个数。",
        ),
    ]
    for where, place in (("home", f"{home}省"), ("outside", "省外")):
        rows.append(
            Row(
                f"admissions.{where}.total",
                f"在{place}录取人数",
                "招生",
                _admissions(where),
                value=_sum("admitted"),
                gap_if_empty=True,
                meaning=f"在{place}录取人数。",
            )
        )
        for key, level in LEVEL_KEYS.items():
            rows.append(
                Row(
                    f"admissions.{where}.{key}",
                    f"在{place}录取{level.label}人数",
                    "招生",
                    _admissions(where, level=level),
                    value=_sum("admitted"),
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
        Row(
            "outreach.livestreams",
            "直播宣讲和访谈场次",
            "招生",
            _outreach(OutreachKind.LIVESTREAM),
            gap_if_empty=True,
            meaning="统计期间直播宣讲、访谈活动场次。",
        ),
        Row(
            "outreach.video_reads",
            "宣传短视频阅读量",
            "招生",
            _outreach(OutreachKind.VIDEO),
            value=_sum("reads"),
            gap_if_empty=True,
            meaning="投放的宣传短视频阅读量之和。",
            describe=lambda e: f"{e.held_on} {e.title}（{e.platform}）阅读{e.reads}",
        ),
        Row(
            "outreach.members",
            "招生宣传团队成员数",
            "招生",
            lambda p: OutreachMember.objects.filter(school_year_start=_school_year_start(p)),
            gap_if_empty=True,
            meaning="该学年招生宣传团队成员人数。",
        ),
        Row(
            "outreach.provinces",
            "招生咨询到达省份数",
            "招生",
            visits,
            value=_distinct("province"),
            gap_if_empty=True,
            meaning="赴中学招生咨询到达的省（区）个数。",
        ),
        Row(
            "outreach.cities",
            "招生咨询到达地市数",
            "招生",
            visits,
            value=lambda qs: qs.exclude(city="").values("province", "city").distinct().count(),
            gap_if_empty=True,
            meaning="赴中学招生咨询到达的地市个数。",
        ),
        Row(
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
        Row(
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
            Row(
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
                Row(
                    f"cadre.{action.value}.{key}",
                    f"{action.label}{label}人数",
                    "干部任免",
                    _cadres(action, levels),
                    meaning=f"统计期间{action.label}的{label}人数。",
                )
            )
            for level in levels:
                rows.append(
                    Row(
                        f"cadre.{action.value}.{level.value}",
                        f"{action.label}{level.label}人数",
                        "干部任免",
                        _cadres(action, [level]),
                        meaning=f"统计期间{action.label}的{level.label}人数。",
                    )
                )
    rows.append(
        Row(
            "cadre.probation",
            "完成试用期满考核干部数",
            "干部任免",
            lambda p: ProbationAssessment.objects.filter(assessed_on__range=(p.start, p.end)),
            meaning="统计期间完成试用期满考核的干部人数。",
        )
    )
    return rows


def registry() -> dict[str, Row]:
    """Every row, by code. Built per call: the catalogue's categories are data."""
    rows = [
        *_disclosure_rows(),
        *_channel_rows(),
        *_interaction_rows(),
        *_table_rows(),
        *_admission_rows(),
        *_outreach_rows(),
        *_finance_personnel_rows(),
    ]
    return {row.code: row for row in rows}


def compute_all(period: Period, rows: dict[str, Row] | None = None) -> dict[str, int | None]:
    rows = rows if rows is not None else registry()
    return {code: row.compute(period) for code, row in rows.items()}
