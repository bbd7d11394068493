"""Server-rendered SVG charts for the admin reports: bars, a monthly line chart and a sparkline.

No script and no inline style: colours come from classes in static/reports/css/learning_reports.css
(registered with insert_global_admin_css). Each chart is an image (role="img") named by its <title>;
the table beside it is the truth for screen readers and exports, so the chart's own text is a
convenience for sighted readers. A suppressed figure ("fewer than 5") draws no bar and no point
and says so in its label.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from reports.privacy import Cell

SERIES_CLASSES = 3  # report-chart__series-0 … -2 in the stylesheet, then they repeat
LABEL_CHARS = 32  # longer labels are cut with an ellipsis (the table has them whole)


@dataclass(frozen=True)
class Series:
    """One named list of figures, one per group or month."""

    name: str
    values: Sequence[Cell]


def _value(cell: Cell) -> float | None:
    """The figure to draw, or None when there is nothing to draw (suppressed or empty)."""
    if cell.suppressed or cell.value is None:
        return None
    return float(cell.value)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _short(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "\u2026"


def _series_class(index: int) -> str:
    return f"report-chart__series-{index % SERIES_CLASSES}"


def _svg(*, kind: str, chart_id: str, title: str, width: float, height: float, body: list[str]) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart report-chart--{escape(kind)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" role="img" aria-labelledby="{escape(chart_id)}-title">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _legend(series: Sequence[Series], *, x: float, y: float) -> list[str]:
    parts = []
    for index, one in enumerate(series):
        left = x + index * 160
        parts.append(
            f'<rect class="report-chart__bar {_series_class(index)}" x="{_num(left)}" y="{_num(y - 9)}" '
            f'width="10" height="10"></rect>'
            f'<text class="report-chart__legend" x="{_num(left + 14)}" y="{_num(y)}">{escape(_short(one.name))}</text>'
        )
    return parts


BAR_LABEL_WIDTH = 200
BAR_AREA = 300
BAR_VALUE_WIDTH = 100
BAR_HEIGHT = 14
BAR_GAP = 4
GROUP_GAP = 10
LEGEND_HEIGHT = 24


def bar_chart(*, chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series]) -> SafeString:
    """Horizontal bars, one group per label and one bar per series, lengths proportional to the figures.

    All series share one scale (the largest figure drawn), so enrolments and completions compare.
    """
    if not labels:
        return _empty(chart_id=chart_id, title=title)
    drawn = [value for one in series for value in map(_value, one.values) if value is not None]
    largest = max(drawn, default=0) or 1
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    top = LEGEND_HEIGHT if len(series) > 1 else 0
    body = _legend(series, x=BAR_LABEL_WIDTH, y=14) if len(series) > 1 else []
    for row, label in enumerate(labels):
        y = top + row * (group_height + GROUP_GAP)
        body.append(
            f'<text class="report-chart__label" x="{BAR_LABEL_WIDTH - 8}" y="{_num(y + group_height / 2 + 4)}" '
            f'text-anchor="end">{escape(_short(label))}</text>'
        )
        for index, one in enumerate(series):
            cell = one.values[row]
            value = _value(cell)
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            length = 0.0 if value is None else BAR_AREA * max(value, 0) / largest
            if value is not None:
                body.append(
                    f'<rect class="report-chart__bar {_series_class(index)}" x="{BAR_LABEL_WIDTH}" '
                    f'y="{_num(bar_y)}" width="{_num(length)}" height="{BAR_HEIGHT}" '
                    f'data-value="{_num(value)}"></rect>'
                )
            body.append(
                f'<text class="report-chart__value" x="{_num(BAR_LABEL_WIDTH + length + 4)}" '
                f'y="{_num(bar_y + BAR_HEIGHT - 3)}">{escape(str(cell))}</text>'
            )
    height = top + len(labels) * (group_height + GROUP_GAP) - GROUP_GAP
    width = BAR_LABEL_WIDTH + BAR_AREA + BAR_VALUE_WIDTH
    return _svg(kind="bars", chart_id=chart_id, title=title, width=width, height=height, body=body)


LINE_LEFT = 48
LINE_WIDTH = 560
LINE_HEIGHT = 200
LINE_BOTTOM = 36
LINE_TOP = 30


def month_chart(*, chart_id: str, title: str, months: Sequence[datetime.date], series: Sequence[Series]) -> SafeString:
    """One line per series across the months, with a dot per figure; a suppressed month breaks the line."""
    if not months:
        return _empty(chart_id=chart_id, title=title)
    drawn = [value for one in series for value in map(_value, one.values) if value is not None]
    largest = max(drawn, default=0) or 1
    step = LINE_WIDTH / max(len(months) - 1, 1)
    bottom = LINE_TOP + LINE_HEIGHT

    def x_of(index):
        return LINE_LEFT + index * step

    def y_of(value):
        return bottom - LINE_HEIGHT * max(value, 0) / largest

    body = _legend(series, x=LINE_LEFT, y=14)
    for fraction in (0, 0.5, 1):
        y = bottom - LINE_HEIGHT * fraction
        body.append(
            f'<line class="report-chart__grid" x1="{LINE_LEFT}" x2="{_num(LINE_LEFT + LINE_WIDTH)}" '
            f'y1="{_num(y)}" y2="{_num(y)}"></line>'
            f'<text class="report-chart__axis" x="{LINE_LEFT - 6}" y="{_num(y + 4)}" text-anchor="end">'
            f"{escape(_num(largest * fraction))}</text>"
        )
    every = max(1, round(len(months) / 12))
    for index, month in enumerate(months):
        if index % every == 0 or index == len(months) - 1:
            body.append(
                f'<text class="report-chart__axis" x="{_num(x_of(index))}" y="{_num(bottom + 18)}" '
                f'text-anchor="middle">{month:%Y-%m}</text>'
            )
    for index, one in enumerate(series):
        css = _series_class(index)
        runs, run = [], []
        for position, cell in enumerate(one.values):
            value = _value(cell)
            if value is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append((x_of(position), y_of(value)))
        if run:
            runs.append(run)
        for run in runs:
            points = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
            if len(run) > 1:
                body.append(f'<polyline class="report-chart__line {css}" points="{points}"></polyline>')
            for x, y in run:
                body.append(f'<circle class="report-chart__dot {css}" cx="{_num(x)}" cy="{_num(y)}" r="3"></circle>')
    height = bottom + LINE_BOTTOM
    width = LINE_LEFT + LINE_WIDTH + 24
    return _svg(kind="months", chart_id=chart_id, title=title, width=width, height=height, body=body)


SPARK_WIDTH = 100
SPARK_HEIGHT = 24


def sparkline(*, chart_id: str, title: str, values: Sequence[Cell]) -> SafeString:
    """A small trend line without axes, the latest point marked; a suppressed point breaks the line.

    Flat at mid-height when every figure drawn is equal.
    """
    drawn = [value for value in map(_value, values) if value is not None]
    if not drawn:
        return _empty(chart_id=chart_id, title=title, width=SPARK_WIDTH, height=SPARK_HEIGHT)
    low, high = min(drawn), max(drawn)
    step = SPARK_WIDTH / max(len(values) - 1, 1)

    def y_of(value):
        share = (value - low) / (high - low) if high > low else 0.5
        return SPARK_HEIGHT - 2 - (SPARK_HEIGHT - 4) * share

    runs, run = [], []
    for index, cell in enumerate(values):
        value = _value(cell)
        if value is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append((index * step, y_of(value)))
    if run:
        runs.append(run)
    body = []
    for run in runs:
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
        if len(run) > 1:
            body.append(f'<polyline class="report-chart__line report-chart__series-0" points="{points}"></polyline>')
    last = _value(values[-1])
    if last is not None:
        body.append(
            f'<circle class="report-chart__dot report-chart__series-0" cx="{_num((len(values) - 1) * step)}" '
            f'cy="{_num(y_of(last))}" r="2"></circle>'
        )
    return _svg(kind="spark", chart_id=chart_id, title=title, width=SPARK_WIDTH, height=SPARK_HEIGHT, body=body)


def _empty(*, chart_id: str, title: str, width: float = 400, height: float = 40) -> SafeString:
    body = [f'<text class="report-chart__empty" x="4" y="24">{escape(gettext("No figures to draw."))}</text>']
    return _svg(kind="empty", chart_id=chart_id, title=title, width=width, height=height, body=body)


STEP_WIDTH = 64
STEP_HEIGHT = 10


def step_bar(*, cell: Cell, largest: Cell) -> SafeString:
    """A small bar for a table cell, its length the cell's share of `largest`; hidden from screen readers.

    The figure is written beside it in the cell, so the bar adds nothing a screen reader needs.
    """
    value, whole = _value(cell), _value(largest)
    length = 0.0 if value is None or not whole else STEP_WIDTH * min(max(value, 0) / whole, 1)
    bar = (
        f'<rect class="report-chart__bar report-chart__series-0" x="0" y="0" width="{_num(length)}" '
        f'height="{STEP_HEIGHT}"></rect>'
        if value is not None
        else ""
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart report-chart--step" '
        f'viewBox="0 0 {STEP_WIDTH} {STEP_HEIGHT}" aria-hidden="true" focusable="false">{bar}</svg>'
    )
