"""The tables a report may carry, registered by the apps whose records fill them: the
government format's (国办公开办函〔2021〕30号) 表二 主动公开 (disclosures), 表三 收到和处理申请
and 表四 行政复议、行政诉讼 (requests), and the MoE report's 清单事项公开情况 (supervision;
教办厅函〔2018〕80号 (二): the catalogue items' disclosure, item by item, with the column link).

A section places a table with a line of its own, ``【表格：key】``. A cell is a header text or a
figure of the registry (registry.py), so a table cell links to its records like a figure in
the text; a text cell may link (the catalogue table's column links).
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .registry import Figure, Period

MARKER_RE = re.compile(r"^【表格：(\S+?)】$")


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


def span_row(cells: list[Cell]) -> list[Cell | None]:
    """A row with the places covered by each cell's colspan filled with None."""
    row: list[Cell | None] = []
    for cell in cells:
        row.append(cell)
        row.extend([None] * (cell.colspan - 1))
    return row


# key → (order, build): build(period, figures by code, today) makes the table of a period.
_tables: dict[str, tuple[int, Callable[[Period, dict[str, Figure], datetime.date], TableSpec]]] = {}


def register_table(key: str, builder, *, order: int) -> None:
    """Called by the app owning the records, from its AppConfig.ready()."""
    _tables[key] = (order, builder)


def keys() -> list[str]:
    """The keys a section may place, in a fixed order (the order apps load in does not matter)."""
    return sorted(_tables, key=lambda key: _tables[key][0])


def build(key: str, period: Period, rows: dict[str, Figure], today: datetime.date) -> TableSpec:
    return _tables[key][1](period, rows, today)


def cited_tables(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := MARKER_RE.match(line.strip()))]
