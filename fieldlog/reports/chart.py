"""The chart of incidents over time: counts per day, week or month, stacked by category.

``chart_data`` counts (language-free, part of the ``Summary``); ``draw_chart`` lays the chart
out as rectangles, lines and labels in points with the origin at the top left; ``svg`` writes
that drawing for HTML and ``pdf.py`` draws the same shapes with the PDF library, so both
formats show the same chart. No plotting library: a few dozen shapes do not need one.
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from fieldlog.model.vocabulary import Category
from fieldlog.reports import i18n
from fieldlog.reports.i18n import N_, ntr, tr
from fieldlog.reports.model import Bucket, ChartData, Entry

DAILY_UP_TO_DAYS = 31
WEEKLY_UP_TO_DAYS = 2 * 366  # beyond two years, weekly bars are too thin to read: months

CATEGORY_ORDER = tuple(c.value for c in Category)
# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), then two more.
COLOURS = {
    "police_violence": "#D55E00",
    "tear_gas": "#E69F00",
    "destruction_of_belongings": "#0072B2",
    "eviction": "#56B4E9",
    "distribution_obstructed": "#009E73",
    "arrest_or_id_check": "#CC79A7",
    "threat_or_harassment": "#F0E442",
    "far_right_attack": "#7B3294",
    "death_at_border": "#000000",
    "other": "#999999",
}
AXIS = "#444444"
GRID = "#DDDDDD"
TEXT = "#222222"


def _bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next_start(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def chart_data(entries: Iterable[Entry], since: date, until: date) -> ChartData:
    """Every day, week (from Monday) or month of the period, with its incidents by category."""
    days = (until - since).days + 1
    unit = "day" if days <= DAILY_UP_TO_DAYS else "week" if days <= WEEKLY_UP_TO_DAYS else "month"
    incidents: Counter[date] = Counter()
    counts: dict[date, Counter[str]] = {}
    shares: dict[date, dict[str, float]] = {}
    present: set[str] = set()
    # Counted by day and combination of categories first: far fewer than the incidents.
    for (day, entry_categories), number in Counter(
        (entry.day, entry.categories) for entry in entries
    ).items():
        start = _bucket_start(day, unit)
        incidents[start] += number
        bucket_counts = counts.setdefault(start, Counter())
        bucket_shares = shares.setdefault(start, {})
        share = number / len(entry_categories)
        for category in entry_categories:
            bucket_counts[category] += number
            bucket_shares[category] = bucket_shares.get(category, 0.0) + share
        present.update(entry_categories)
    categories = tuple(c for c in CATEGORY_ORDER if c in present)
    buckets = []
    start = _bucket_start(since, unit)
    while start <= until:
        found, shared = counts.get(start, Counter()), shares.get(start, {})
        buckets.append(
            Bucket(
                start,
                incidents[start],
                tuple((c, found[c]) for c in categories if found[c]),
                tuple((c, shared[c]) for c in categories if c in shared),
            )
        )
        start = _next_start(start, unit)
    return ChartData(unit, tuple(buckets), categories)


# -- drawing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str = ""  # a tooltip in SVG


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    anchor: str  # start, middle, end
    size: float


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    title: str
    rects: tuple[Rect, ...]
    lines: tuple[Line, ...]
    labels: tuple[Label, ...]


def chart_title(chart: ChartData, lang: str) -> str:
    return tr(
        {
            "day": N_("Incidents per day"),
            "week": N_("Incidents per week"),
            "month": N_("Incidents per month"),
        }[chart.unit],
        lang,
    )


def _nice_step(maximum: int, ticks: int = 4) -> int:
    raw = max(1.0, maximum / ticks)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def _bucket_label(start: date, unit: str, lang: str) -> str:
    return i18n.month_label(start, lang) if unit == "month" else i18n.short_date(start, lang)


def _bucket_name(start: date, unit: str, lang: str) -> str:
    if unit == "week":
        return tr("Week of {day}", lang).format(day=i18n.medium_date(start, lang))
    if unit == "month":
        return i18n.month_label(start, lang)
    return i18n.medium_date(start, lang)


LABEL_SIZE = 7.0
LEGEND_COLUMNS = 3
LEGEND_ROW = 11.0


def draw_chart(chart: ChartData, lang: str, width: float = 515.0, height: float = 190.0) -> Drawing:
    """Lay the chart out in a box of ``width`` x ``height`` points (legend below the plot)."""
    legend_rows = math.ceil(len(chart.categories) / LEGEND_COLUMNS)
    left, right, top = 30.0, 6.0, 6.0
    bottom = 18.0 + legend_rows * LEGEND_ROW + 4.0
    plot_w, plot_h = width - left - right, height - top - bottom
    base_y = top + plot_h
    highest = max((b.incidents for b in chart.buckets), default=0)
    step = _nice_step(highest)
    top_value = max(step, math.ceil(highest / step) * step)
    scale = plot_h / top_value

    rects: list[Rect] = []
    lines: list[Line] = []
    labels: list[Label] = []
    for value in range(0, top_value + 1, step):
        y = base_y - value * scale
        lines.append(Line(left, y, left + plot_w, y, GRID if value else AXIS))
        labels.append(Label(left - 4, y + 2.5, i18n.number(value, lang), "end", LABEL_SIZE))

    count = max(1, len(chart.buckets))
    slot = plot_w / count
    bar = max(0.4, slot * 0.8)
    label_every = max(1, math.ceil(count / max(1, int(plot_w // 48))))
    for index, bucket in enumerate(chart.buckets):
        x = left + index * slot + (slot - bar) / 2
        y = base_y
        name = _bucket_name(bucket.start, chart.unit, lang)
        mentions = dict(bucket.counts)
        total = ntr("{count} incident", "{count} incidents", bucket.incidents, lang)
        for category, share in bucket.shares:
            height_of = share * scale
            y -= height_of
            category_name = i18n.label(i18n.CATEGORY_LABELS, category, lang)
            colon, separator = i18n.colon(lang), i18n.list_separator(lang)
            mentioned = i18n.number(mentions[category], lang)
            tooltip = f"{name}{colon} {total}{separator}{category_name} {mentioned}"
            rects.append(Rect(x, y, bar, height_of, COLOURS.get(category, "#999999"), tooltip))
        if index % label_every == 0:
            centre = left + index * slot + slot / 2
            lines.append(Line(centre, base_y, centre, base_y + 2.5, AXIS))
            text = _bucket_label(bucket.start, chart.unit, lang)
            labels.append(Label(centre, base_y + 11, text, "middle", LABEL_SIZE))

    legend_top = base_y + 18.0
    column_w = width / LEGEND_COLUMNS
    for index, category in enumerate(chart.categories):
        row, column = divmod(index, LEGEND_COLUMNS)
        x = left + column * column_w
        y = legend_top + row * LEGEND_ROW
        rects.append(Rect(x, y, 7.0, 7.0, COLOURS.get(category, "#999999")))
        text = i18n.label(i18n.CATEGORY_LABELS, category, lang)
        labels.append(Label(x + 10, y + 6.5, text, "start", LABEL_SIZE + 0.5))
    return Drawing(
        width, height, chart_title(chart, lang), tuple(rects), tuple(lines), tuple(labels)
    )


def _n(value: float) -> str:
    """Fixed, short numbers: the same chart always gives the same bytes."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def svg(drawing: Drawing, font_family: str) -> str:
    """An inline SVG element (no XML declaration), for a self-contained HTML page."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(drawing.width)} '
        f'{_n(drawing.height)}" role="img" aria-label="{escape(drawing.title)}" '
        f'font-family="{escape(font_family)}">',
        f"<title>{escape(drawing.title)}</title>",
    ]
    for line in drawing.lines:
        parts.append(
            f'<line x1="{_n(line.x1)}" y1="{_n(line.y1)}" x2="{_n(line.x2)}" '
            f'y2="{_n(line.y2)}" stroke="{line.colour}" stroke-width="0.6"/>'
        )
    for rect in drawing.rects:
        shape = (
            f'<rect x="{_n(rect.x)}" y="{_n(rect.y)}" width="{_n(rect.width)}" '
            f'height="{_n(rect.height)}" fill="{rect.colour}"'
        )
        parts.append(
            f"{shape}><title>{escape(rect.title)}</title></rect>" if rect.title else f"{shape}/>"
        )
    for label in drawing.labels:
        parts.append(
            f'<text x="{_n(label.x)}" y="{_n(label.y)}" text-anchor="{label.anchor}" '
            f'font-size="{_n(label.size)}" fill="{TEXT}">{escape(label.text)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
