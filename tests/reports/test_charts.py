"""The reports' SVG charts: bars proportional to the figures, text escaped, suppressed cells drawn as nothing."""

import datetime
import re

from reports import charts
from reports.charts import Series
from reports.privacy import Cell, learners_cell, plain_cell


def bar_widths(svg) -> list[float]:
    return [
        float(width)
        for width in re.findall(r'<rect class="report-chart__bar [^"]*" x="\d+" y="[\d.]+" width="([\d.]+)"', svg)
    ]


def test_bars_are_proportional_to_their_figures():
    svg = charts.bar_chart(
        chart_id="c",
        title="Enrolments by country",
        labels=["Kenya", "Peru", "Chile"],
        series=[Series("Enrolments", [plain_cell(40), plain_cell(20), plain_cell(10)])],
    )
    assert bar_widths(svg) == [300.0, 150.0, 75.0]
    assert ">40<" in svg and ">20<" in svg and ">10<" in svg
    assert 'role="img"' in svg
    assert 'aria-labelledby="c-title"' in svg
    assert '<title id="c-title">Enrolments by country</title>' in svg


def test_two_series_share_one_scale():
    svg = charts.bar_chart(
        chart_id="c",
        title="t",
        labels=["Kenya", "Peru"],
        series=[
            Series("Enrolments", [plain_cell(50), plain_cell(25)]),
            Series("Completions", [plain_cell(10), plain_cell(5)]),
        ],
    )
    # Legend swatches first (two 10-wide squares), then Kenya's two bars, then Peru's.
    assert bar_widths(svg) == [10.0, 10.0, 300.0, 60.0, 150.0, 30.0]
    assert "Completions" in svg


def test_suppressed_cell_draws_no_bar_and_says_fewer_than_five():
    svg = charts.bar_chart(
        chart_id="c",
        title="t",
        labels=["Kenya", "Peru"],
        series=[Series("Learners", [learners_cell(12), learners_cell(3)])],
    )
    assert bar_widths(svg) == [300.0]
    assert "fewer than 5" in svg
    assert ">3<" not in svg


def test_labels_and_titles_are_escaped():
    svg = charts.bar_chart(
        chart_id='x"y',
        title="<script>alert(1)</script>",
        labels=['<img src=x onerror="alert(1)">'],
        series=[Series("A & B", [plain_cell(1)])],
    )
    assert "<script>" not in svg
    assert "<img" not in svg
    assert "&lt;script&gt;" in svg
    assert "&lt;img" in svg
    assert "x&quot;y-title" in svg


def test_long_labels_are_cut_but_the_chart_keeps_its_title():
    svg = charts.bar_chart(chart_id="c", title="t", labels=["A" * 80], series=[Series("s", [plain_cell(1)])])
    assert "A" * 80 not in svg
    assert "A" * 31 + "\u2026" in svg


def test_empty_data_draws_a_message_not_an_error():
    for svg in (
        charts.bar_chart(chart_id="c", title="Nothing", labels=[], series=[]),
        charts.month_chart(chart_id="c", title="Nothing", months=[], series=[]),
        charts.sparkline(chart_id="c", title="Nothing", values=[]),
    ):
        assert 'role="img"' in svg
        assert "<title" in svg and "Nothing" in svg
        assert "No figures to draw." in svg
        assert "<rect" not in svg and "<polyline" not in svg


def test_all_zero_bars_draw_zero_length():
    svg = charts.bar_chart(chart_id="c", title="t", labels=["a"], series=[Series("s", [plain_cell(0)])])
    assert bar_widths(svg) == [0.0]


def test_month_chart_scales_points_and_breaks_the_line_at_a_suppressed_month():
    months = [datetime.date(2026, month, 1) for month in (1, 2, 3, 4)]
    svg = charts.month_chart(
        chart_id="m",
        title="Monthly trend",
        months=months,
        series=[Series("Enrolments", [plain_cell(10), plain_cell(20), Cell(None, suppressed=True), plain_cell(5)])],
    )
    # Height 200 from y=230 (zero) up to y=30 (the largest figure, 20).
    assert re.findall(r'<circle [^>]*cy="([\d.]+)"', svg) == ["130", "30", "180"]
    assert svg.count("<polyline") == 1  # Jan-Feb joined; Apr alone after the gap
    assert "2026-01" in svg and "2026-04" in svg
    assert 'role="img"' in svg


def test_sparkline_goes_from_lowest_to_highest_and_marks_the_last_point():
    svg = charts.sparkline(chart_id="s", title="Learners, 12 months", values=[plain_cell(v) for v in (0, 5, 10)])
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    ys = [float(point.split(",")[1]) for point in points]
    assert ys == [22.0, 12.0, 2.0]
    assert re.search(r'<circle [^>]*cx="100" cy="2"', svg)


def test_flat_sparkline_is_drawn_mid_height():
    svg = charts.sparkline(chart_id="s", title="t", values=[plain_cell(3)] * 3)
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    assert {point.split(",")[1] for point in points} == {"12"}


def test_step_bar_is_a_share_of_the_largest_and_hidden_from_screen_readers():
    svg = charts.step_bar(cell=plain_cell(25), largest=plain_cell(100))
    assert 'width="16"' in svg
    assert 'aria-hidden="true"' in svg
    assert "<rect" not in charts.step_bar(cell=learners_cell(2), largest=plain_cell(100))


def test_sparkline_leaves_a_gap_for_a_suppressed_point():
    values = [learners_cell(v) for v in (8, 2, 6, 10)]
    svg = charts.sparkline(chart_id="s", title="t", values=values)
    assert svg.count("<polyline") == 1  # 6 → 10; 8 stands alone before the gap and draws no line
    assert re.search(r'points="([^"]+)"', svg).group(1) == "66.7,22 100,2"
    assert "<circle" in svg


def test_sparkline_of_suppressed_points_only_draws_nothing():
    svg = charts.sparkline(chart_id="s", title="t", values=[learners_cell(1), learners_cell(2)])
    assert "<polyline" not in svg and "No figures to draw." in svg
