"""The gap chart: need, stock and pipeline per item and size as bars, drawn on the server.

Plain SVG in the page: no script, no chart library. Coordinates are computed here so that in a
right-to-left page the chart is mirrored (labels on the right, bars growing to the left); the
table under it holds the same numbers for screen readers and for copying.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from waypost.needs.gap import GapRow

WIDTH = 720
LABEL_WIDTH = 220
BAR_HEIGHT = 7
ROW_HEIGHT = 3 * BAR_HEIGHT + 10
TOP = 28  # room for the legend


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    series: str  # need, stock or pipeline: the CSS class that colours it
    title: str  # what a pointer or a screen reader's exploration shows


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    labels: list[Label]
    legend: list[Bar]
    legend_labels: list[Label]  # each starts just after its swatch
    anchor: str  # text-anchor of the item labels, next to the bars in either direction
    direction: str


def row_label(row: GapRow) -> str:
    return f"{row.item.name} {row.size.label}" if row.size else row.item.name


def mirrored(x: float, width: float, *, rtl: bool) -> float:
    return WIDTH - x - width if rtl else x


def series_names() -> dict[str, str]:
    return {"need": _("Need"), "stock": _("In stock"), "pipeline": _("In pipeline")}


def gap_chart(rows: list[GapRow], *, rtl: bool = False) -> Chart:
    """Three bars per row (need, stock, pipeline) on one scale, the largest filling the width."""
    names = series_names()
    largest = max([1, *(max(row.need, row.stock, row.pipeline) for row in rows)])
    scale = (WIDTH - LABEL_WIDTH - 10) / largest
    bars, labels = [], []
    for index, row in enumerate(rows):
        top = TOP + index * ROW_HEIGHT
        values = {"need": row.need, "stock": row.stock, "pipeline": row.pipeline}
        for position, (series, value) in enumerate(values.items()):
            width = value * scale
            bars.append(
                Bar(
                    x=mirrored(LABEL_WIDTH, width, rtl=rtl),
                    y=top + position * BAR_HEIGHT,
                    width=width,
                    series=series,
                    title=f"{row_label(row)}: {names[series]} {value:,}",
                )
            )
        labels.append(
            Label(mirrored(LABEL_WIDTH - 6, 0, rtl=rtl), top + 1.7 * BAR_HEIGHT, row_label(row))
        )
    legend = [
        Bar(mirrored(LABEL_WIDTH + 110 * i, 10, rtl=rtl), 8, 10, series, names[series])
        for i, series in enumerate(names)
    ]
    legend_labels = [
        Label(mirrored(LABEL_WIDTH + 110 * i + 14, 0, rtl=rtl), 17, names[series])
        for i, series in enumerate(names)
    ]
    height = TOP + len(rows) * ROW_HEIGHT + 4
    direction = "rtl" if rtl else "ltr"
    return Chart(WIDTH, height, bars, labels, legend, legend_labels, "end", direction)
