"""The tables a report may carry: those of the government format (国办公开办函〔2021〕30号) —
表二 主动公开, 表三 收到和处理申请, 表四 行政复议、行政诉讼 — and the MoE report's 清单事项公开情况
(教办厅函〔2018〕80号 (二): the catalogue items' disclosure, item by item, with the column link).

A section places a table with a line of its own, ``【表格：key】``. In the first three every cell
is a figure of the registry (figures.py), so a table cell links to its records like a figure
in the text; the rows of 表三 and 表四 are those of xxgk.requests.stats. The catalogue table is
text (status, count, link) from the supervision module's obligations for the period.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from xxgk.catalogue.models import CatalogueItemPage
from xxgk.requests import stats
from xxgk.requests.models import AppealKind, AppealResult
from xxgk.supervision.periods import Period
from xxgk.supervision.selectors import item_overview

MARKER_RE = re.compile(r"^【表格：(\S+?)】$")
CATALOGUE_KEY = "清单事项"
KEYS = ("主动公开", "依申请公开", "复议诉讼", CATALOGUE_KEY)  # specs() and catalogue_table()


@dataclass
class Cell:
    """A header text (``code`` empty) or a figure; spans as in HTML."""

    text: str = ""
    code: str = ""
    colspan: int = 1
    rowspan: int = 1
    indent: int = 0
    url: str = ""  # a text cell that links (the catalogue table's column links)


@dataclass
class TableSpec:
    key: str
    title: str
    header: list[list[Cell | None]]  # None: covered by a span
    body: list[list[Cell | None]] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {c.code for row in self.body for c in row if c is not None and c.code}


def _span_row(cells: list[Cell]) -> list[Cell | None]:
    """A row with the places covered by each cell's colspan filled with None."""
    row: list[Cell | None] = []
    for cell in cells:
        row.append(cell)
        row.extend([None] * (cell.colspan - 1))
    return row


def request_row_key(code: str) -> str:
    """ASCII key of a 表三 row code, for the figure code (一 → r1, 三.3.1 → r3_3_1)."""
    head, *rest = code.split(".")
    rest = ["total" if part == "总计" else part for part in rest]
    return "_".join([f"r{stats.CN_NUMBERS.index(head) + 1}", *rest])


def _requests_table() -> TableSpec:
    organisations = [
        "其他" if value == "other_org" else label
        for value, label in stats.COLUMNS
        if value not in ("citizen", "total")
    ]
    header = [
        _span_row(
            [
                Cell("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", rowspan=3),
                Cell("申请人情况", colspan=7),
            ]
        ),
        [
            None,
            *_span_row(
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
            body.append(_span_row([Cell("三、本年度办理结果", colspan=8)]))
        key = request_row_key(row.code)
        indent = row.code.count(".")
        body.append(
            [
                Cell(row.label, indent=indent),
                *[Cell(code=f"t3.{key}.{column}") for column, _ in stats.COLUMNS],
            ]
        )
    return TableSpec("依申请公开", "收到和处理政府信息公开申请情况", header, body)


APPEAL_RESULTS = [*stats.APPEAL_RESULTS, AppealResult.PENDING]


def _appeals_table() -> TableSpec:
    results = [*[AppealResult(r).label for r in APPEAL_RESULTS], "总计"]
    header = [
        _span_row([Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)]),
        [
            *[Cell(label, rowspan=2) for label in results],
            *_span_row([Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)]),
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


def _disclosures_table(category_codes: list[tuple[str, str]]) -> TableSpec:
    header = [[Cell("信息内容"), Cell("本年主动公开信息数")]]
    body = [[Cell(label), Cell(code=code)] for code, label in category_codes]
    body.append([Cell("合计"), Cell(code="disclosures.total")])
    return TableSpec("主动公开", "主动公开信息情况", header, body)


def specs(rows: dict) -> dict[str, TableSpec]:
    """Every table, by key; 表二 lists the catalogue's categories (data, hence `rows`)."""
    categories = [
        (code, row.label.split("·", 1)[1])
        for code, row in rows.items()
        if code.startswith("disclosures.category")
    ]
    return {
        spec.key: spec
        for spec in (_disclosures_table(categories), _requests_table(), _appeals_table())
    }


def catalogue_table(period: Period, *, today: datetime.date) -> TableSpec:
    """清单事项公开情况: each catalogue item, its status in the period and its column link."""
    header = [
        [
            Cell(_("公开事项")),
            Cell(_("公开情况")),
            Cell(_("本期公开信息数")),
            Cell(_("栏目链接")),
        ]
    ]
    overview = item_overview(period, today=today)
    urls = _item_urls([row.item.pk for row in overview])
    body = []
    for row in overview:
        url = urls.get(row.item.pk, "")
        body.append(
            [
                Cell(f"（{row.item.item_number}）{row.item.title}"),
                Cell(row.status_label),
                Cell(str(row.published)),
                Cell(url, url=url),
            ]
        )
    return TableSpec(CATALOGUE_KEY, _("清单事项公开情况表"), header, body)


def _item_urls(pks: list[int]) -> dict[int, str]:
    return {
        item.pk: item.get_full_url() or ""
        for item in CatalogueItemPage.objects.filter(pk__in=pks).only("url_path", "path", "depth")
    }


def cited_tables(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := MARKER_RE.match(line.strip()))]
