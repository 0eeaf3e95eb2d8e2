"""The annual report's figures over applications (依申请公开), fees and appeals, with the
tables 表三 and 表四 of 国办公开办函〔2021〕30号 built from them (every cell a figure, the rows of
``stats.ROWS``), registered in the report's registries from RequestsConfig.ready()."""

import functools

from django.utils import translation

from xxgk.reports.registry import Figure, register_figures
from xxgk.reports.tables import Cell, TableSpec, register_table, span_row

from . import stats
from .models import Appeal, AppealKind, AppealResult, Fee


def in_chinese(builder):
    """The annual report's figures and tables are statutory: worded in Chinese whatever the
    reader's language (the row and column labels of stats are lazy translations)."""

    @functools.wraps(builder)
    def build(*args, **kwargs):
        with translation.override("zh-hans"):
            return builder(*args, **kwargs)

    return build


def request_row_key(code: str) -> str:
    """ASCII key of a 表三 row code, for the figure code (一 → r1, 三.3.1 → r3_3_1)."""
    head, *rest = code.split(".")
    rest = ["total" if part == "总计" else part for part in rest]
    return "_".join([f"r{stats.CN_NUMBERS.index(head) + 1}", *rest])


@in_chinese
def requests_table(period, rows, today) -> TableSpec:
    """表三 收到和处理政府信息公开申请情况."""
    organisations = [
        "其他" if value == "other_org" else str(label)
        for value, label in stats.COLUMNS
        if value not in ("citizen", "total")
    ]
    header = [
        span_row(
            [
                Cell("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", rowspan=3),
                Cell("申请人情况", colspan=7),
            ]
        ),
        [
            None,
            *span_row(
                [
                    Cell("自然人", rowspan=2),
                    Cell("法人或其他组织", colspan=5),
                    Cell("总计", rowspan=2),
                ]
            ),
        ],
        [None, None, *[Cell(label) for label in organisations], None],
    ]
    body: list[list[Cell | None]] = []
    for row in stats.ROWS:
        if row.code == "三.1":  # the first result row, under the heading row of 三
            body.append(span_row([Cell("三、本年度办理结果", colspan=8)]))
        key = request_row_key(row.code)
        indent = row.code.count(".")
        body.append(
            [
                Cell(str(row.label), indent=indent),
                *[Cell(code=f"t3.{key}.{column}") for column, _ in stats.COLUMNS],
            ]
        )
    return TableSpec("依申请公开", "收到和处理政府信息公开申请情况", header, body)


APPEAL_RESULTS = [*stats.APPEAL_RESULTS, AppealResult.PENDING]


@in_chinese
def appeals_table(period, rows, today) -> TableSpec:
    """表四 行政复议、行政诉讼情况."""
    results = [*[str(AppealResult(r).label) for r in APPEAL_RESULTS], "总计"]
    header = [
        span_row([Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)]),
        [
            *[Cell(label, rowspan=2) for label in results],
            *span_row([Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)]),
        ],
        [None] * 5 + [Cell(label) for label in results] * 2,
    ]
    body = [
        [
            Cell(code=f"t4.{kind.value}.{result}")
            for kind in AppealKind
            for result in [*APPEAL_RESULTS, stats.TOTAL]
        ]
    ]
    return TableSpec("复议诉讼", "政府信息公开行政复议、行政诉讼情况", header, body)


def _request_row(code, stats_code, label, meaning):
    def records(period):
        return stats.cases(period, stats_code)

    return Figure(
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


@in_chinese
def figures():
    return [
        _request_row("requests.received", "一", "收到信息公开申请数", "表三第一行：本期新收申请。"),
        _request_row("requests.carried_in", "二", "上年结转申请数", "表三第二行：上期结转申请。"),
        _request_row("requests.closed", "三.总计", "办结申请数", "表三第三行总计：本期办结。"),
        _request_row(
            "requests.disclosed", "三.1", "予以公开的申请数", "表三（一）：办结结果为予以公开。"
        ),
        Figure(
            "requests.withheld",
            "不予公开的申请数",
            "依申请公开",
            _withheld,
            meaning="表三（三）：办结结果为不予公开（3.1–3.8）。",
            describe=lambda a: f"{a.number} 收到于{a.received_on}",
        ),
        Figure(
            "requests.fees",
            "依申请公开收费笔数",
            "依申请公开",
            _fees,
            meaning="统计期间核定的信息处理费笔数。",
            describe=lambda f: f"{f.application.number} {f.amount}元",
        ),
        Figure(
            "requests.fees_waived",
            "依申请公开减免收费笔数",
            "依申请公开",
            lambda p: _fees(p).filter(waived_amount__gt=0),
            meaning="其中减免的笔数。",
            describe=lambda f: f"{f.application.number} 减免{f.waived_amount}元",
        ),
        Figure(
            "appeals.reconsideration",
            "因信息公开申请行政复议数",
            "复议诉讼",
            _appeals(AppealKind.RECONSIDERATION),
            meaning="统计期间提出的行政复议件数（表四）。",
            describe=lambda a: f"{a.application.number} {a.filed_on}",
        ),
        Figure(
            "appeals.litigation",
            "因信息公开提起行政诉讼数",
            "复议诉讼",
            _appeals(AppealKind.LITIGATION_DIRECT, AppealKind.LITIGATION_AFTER),
            meaning="统计期间提起的行政诉讼件数（表四，含复议后起诉）。",
            describe=lambda a: f"{a.application.number} {a.filed_on}",
        ),
    ]


@in_chinese
def table_figures():
    """Every cell of 表三 and 表四 (国办公开办函〔2021〕30号), as xxgk.requests.stats counts it."""

    rows = []
    for table_row in stats.ROWS:
        for column, column_label in stats.COLUMNS:
            rows.append(
                Figure(
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
                Figure(
                    f"t4.{kind.value}.{result}",
                    f"表四·{kind.label}·{result_label}",
                    "表四 行政复议、行政诉讼",
                    appeals(kind.value, result),
                    meaning=f"表四：统计期间提出的{kind.label}，截至期末{result_label}的件数。",
                    describe=lambda a: f"{a.application.number} {a.filed_on}",
                )
            )
    return rows


def register():
    register_figures(figures, order=40)
    register_figures(table_figures, order=90)
    register_table("依申请公开", requests_table, order=20)
    register_table("复议诉讼", appeals_table, order=30)
