"""Server-rendered SVG bar charts (no JavaScript, no chart library).

The markup is built here rather than in a template loop: a dashboard holds hundreds of
bars, and numbers in SVG attributes must never be localised (a decimal comma breaks them).
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

BAR_GAP = 2
TICK_SPACE = 12


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
    return f"{month.year}年{month.month}月"


def tick(month, index: int, count: int) -> str:
    """Month numbers under the bars; on long ranges only where a year starts."""
    if count <= 12:
        return str(month.month)
    return f"{month.year}" if month.month == 1 or index == 0 else ""


def bar_chart(values, months, *, scale_max: int, width: int = 240, height: int = 48) -> dict:
    """Bars on a shared scale, so that departments can be compared row by row."""
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
                label=f"{month_label(month)}：{value} 条",
                tick=tick(month, index, len(values)),
            )
        )
    total = sum(values)
    return {
        "bars": bars,
        "total": total,
        "summary": f"共 {total} 条；" + "，".join(f"{b.label}" for b in bars if b.value),
        "width": width,
        "height": height,
    }


def render_svg(chart: dict, name: str):
    """An accessible inline SVG: a text summary as its name, a title on every bar."""
    width, height = chart["width"], chart["height"]
    description = f"{name}每月发布数量：{chart['summary']}"
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" class="sv-trend__bar"><title>{}</title></rect>',
        ((b.x, b.y, b.width, b.height, b.label) for b in chart["bars"]),
    )
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" class="sv-trend__tick" aria-hidden="true">{}</text>',
        ((b.x, height + TICK_SPACE, b.tick) for b in chart["bars"] if b.tick),
    )
    return format_html(
        '<svg class="sv-trend" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'aria-label="{d}"><title>{d}</title>'
        '<line x1="0" y1="{y}" x2="{w}" y2="{y}" class="sv-trend__axis"/>{bars}{ticks}</svg>',
        w=width,
        h=height + TICK_SPACE,
        d=description,
        y=height,
        bars=bars,
        ticks=ticks,
    )


def trend_rows(trend: dict, departments) -> list[dict]:
    months, series = trend["months"], trend["series"]
    scale_max = max((max(values, default=0) for values in series.values()), default=0)
    rows = []
    for department in departments:
        chart = bar_chart(series[department.pk], months, scale_max=scale_max)
        chart["svg"] = render_svg(chart, department.name)
        rows.append({"department": department, "chart": chart})
    return rows
