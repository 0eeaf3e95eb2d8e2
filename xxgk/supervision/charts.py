"""Server-rendered SVG bar charts (no JavaScript, no chart library), the rows of the
compliance matrix and the obligation tables.

The markup is built here rather than in a template loop: a dashboard holds hundreds of
bars, cells and dated rows (the template engine took about as much CPU for them as the
database for all its figures), and numbers in SVG attributes must never be localised (a
decimal comma breaks them).
"""

import html
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from .obligations import status_labels

BAR_GAP = 2
TICK_SPACE = 12


def escape(text) -> str:
    """django.utils.html.escape (the same characters) without its lazy-text wrapper and a
    SafeString per call: a dashboard escapes about 3,000 texts; the results are joined and
    marked safe once."""
    return html.escape(str(text))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    tick: str


def month_label(month) -> str:
    return gettext("%(year)s年%(month)s月") % {"year": month.year, "month": month.month}


def tick(month, index: int, count: int) -> str:
    """Month numbers under the bars; on long ranges only where a year starts."""
    if count <= 12:
        return str(month.month)
    return f"{month.year}" if month.month == 1 or index == 0 else ""


class ChartTexts:
    """The translated texts of a set of charts, each looked up once: a dashboard has 600
    bars, and every gettext call walks the chain of catalogues (about 28 µs each for the
    Chinese source strings, which no catalogue holds: 60 ms a dashboard)."""

    def __init__(self, months):
        self.months = [month_label(month) for month in months]
        self.separator = pgettext("list separator", "，")
        self._counts = {}

    def count(self, n: int) -> str:
        """ "%(month)s：%(n)s 条" for n, the plural form looked up once per number."""
        if n not in self._counts:
            self._counts[n] = ngettext("%(month)s：%(n)s 条", "%(month)s：%(n)s 条", n)
        return self._counts[n]


def bar_chart(
    values, months, *, scale_max: int, width: int = 240, height: int = 48, texts=None
) -> dict:
    """Bars on a shared scale, so that departments can be compared row by row."""
    texts = texts or ChartTexts(months)
    slot = width / max(len(values), 1)
    scale = height / scale_max if scale_max else 0
    bars = []
    for index, (value, month) in enumerate(zip(values, months, strict=True)):
        bar_height = round(value * scale, 1)
        bars.append(
            Bar(
                x=round(index * slot + BAR_GAP / 2, 1),
                y=round(height - bar_height, 1),
                width=round(slot - BAR_GAP, 1),
                height=bar_height,
                value=value,
                label=texts.count(value) % {"month": texts.months[index], "n": value},
                tick=tick(month, index, len(values)),
            )
        )
    total = sum(values)
    return {
        "bars": bars,
        "total": total,
        "summary": ngettext("共 %(n)s 条；", "共 %(n)s 条；", total) % {"n": total}
        + texts.separator.join(f"{b.label}" for b in bars if b.value),
        "width": width,
        "height": height,
    }


def render_svg(chart: dict, name: str):
    """An accessible inline SVG: a text summary as its name, a title on every bar.

    Plain string building with one escape per text: numbers are formatted here, and
    format_html's per-argument escaping made the dashboard's 600 bars its slowest part.
    """
    width, height = chart["width"], chart["height"]
    description = escape(
        gettext("%(name)s每月发布数量：%(summary)s") % {"name": name, "summary": chart["summary"]}
    )
    bars = "".join(
        f'<rect x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}" '
        f'class="sv-trend__bar"><title>{escape(b.label)}</title></rect>'
        for b in chart["bars"]
    )
    ticks = "".join(
        f'<text x="{b.x}" y="{height + TICK_SPACE}" class="sv-trend__tick" '
        f'aria-hidden="true">{escape(b.tick)}</text>'
        for b in chart["bars"]
        if b.tick
    )
    total_height = height + TICK_SPACE
    return mark_safe(  # every text above is escaped; the rest are numbers
        f'<svg class="sv-trend" role="img" width="{width}" height="{total_height}" '
        f'viewBox="0 0 {width} {total_height}" aria-label="{description}">'
        f"<title>{description}</title>"
        f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" class="sv-trend__axis"/>'
        f"{bars}{ticks}</svg>"
    )


def trend_rows(trend: dict, departments) -> list[dict]:
    months, series = trend["months"], trend["series"]
    scale_max = max((max(values, default=0) for values in series.values()), default=0)
    texts = ChartTexts(months)
    rows = []
    for department in departments:
        chart = bar_chart(series[department.pk], months, scale_max=scale_max, texts=texts)
        chart["svg"] = render_svg(chart, department.name)
        rows.append({"department": department, "chart": chart})
    return rows


def _title_parts(department, cell) -> dict:
    return {
        "department": department.name,
        "category": cell["category"].title,
        "summary": cell["summary"],
    }


def matrix_rows_html(matrix: list[dict], query: str):
    """The <tr> rows of the compliance matrix (selectors.compliance_matrix): a department
    link, then one cell per category coloured by its worst status."""
    query = escape(query)
    # Looked up once for the matrix's cells (ChartTexts says why).
    cell_title = gettext("%(department)s · %(category)s：%(summary)s")
    rows = []
    for row in matrix:
        department = row["department"]
        name = escape(department.name)
        url = escape(reverse("supervision:department", args=[department.code]))
        cells = "".join(
            f'<td class="sv-cell sv-{cell["status"] or "none"}" '
            f'title="{escape(cell_title % _title_parts(department, cell))}">'
            + (
                f'{escape(cell["label"])}<span class="sv-cell__n"> '
                f"{cell['worst_count']}/{cell['total']}</span>"
                if cell["status"]
                # selectors.CellLabels: the label of a cell without requirements, translated
                # once for the whole matrix
                else '<span class="sv-cell__none">—</span>'
                f'<span class="w-sr-only">{escape(cell["label"])}</span>'
            )
            + "</td>"
            for cell in row["cells"]
        )
        rows.append(f'<tr><th scope="row"><a href="{url}?{query}">{name}</a></th>{cells}</tr>')
    return mark_safe("".join(rows))  # every text above is escaped; the rest are numbers


def _day(day) -> str:
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>' if day else "—"


def obligation_rows_html(obligations, *, show_department=False, caption="", empty=""):
    """A table of obligations (department, item, obligation, deadline, status, since when,
    publication date), as the dashboard, department pages and home panels list them."""
    head = "".join(
        f'<th scope="col">{label}</th>'
        for label in (
            _("清单事项"),
            _("义务"),
            _("公开期限"),
            _("状态"),
            _("自何时起"),
            _("公开日期"),
        )
    )
    if show_department:
        department_label = _("部门")  # outside the f-string, where xgettext finds it
        head = f'<th scope="col">{department_label}</th>' + head
    labels = status_labels()
    formed_on = gettext("信息形成于 %(day)s")  # once per table, not per row
    rows = []
    for o in obligations:
        department = ""
        if show_department:
            url = escape(reverse("supervision:department", args=[o.department.code]))
            department = f'<td><a href="{url}">{escape(o.department.name)}</a></td>'
        formed = (
            f"<br><small>{escape(formed_on % {'day': o.formed_on.isoformat()})}</small>"
            if o.formed_on
            else ""
        )
        rows.append(
            f"<tr>{department}<td>{escape(o.item)}</td>"
            f"<td>{escape(o.label or '—')}{formed}</td>"
            f"<td>{_day(o.deadline)}</td>"
            f'<td><span class="sv-badge sv-{o.status}">{escape(labels[o.status])}</span></td>'
            f"<td>{_day(o.since)}</td><td>{_day(o.satisfied_on)}</td></tr>"
        )
    if not rows:
        rows.append(f'<tr><td colspan="7">{escape(empty or _("无。"))}</td></tr>')
    return mark_safe(  # every text above is escaped; the rest are dates and fixed labels
        f'<table class="listing sv-table"><caption class="w-sr-only">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
