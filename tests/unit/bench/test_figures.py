from __future__ import annotations

import pytest

from bench.figures import Row, median_figures, percentile, ratio, shown, side_by_side


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]

    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile(values, 1.0) == 100.0
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([1.0, 2.0], 0.0) == 1.0


def test_percentile_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)


def test_median_figures_takes_each_figure_over_the_runs_that_have_it() -> None:
    runs: list[dict[str, float | None]] = [
        {"rate": 10.0, "p99": None},
        {"rate": 30.0, "p99": 5.0},
        {"rate": 20.0},
    ]

    assert median_figures(runs) == {"rate": 20.0, "p99": 5.0}
    assert median_figures([{"rate": None}]) == {"rate": None}


def test_ratio_needs_both_figures_and_a_non_zero_baseline() -> None:
    assert ratio(50.0, 200.0) == 0.25
    assert ratio(None, 200.0) is None
    assert ratio(50.0, None) is None
    assert ratio(50.0, 0) is None


def test_side_by_side_rows_follow_the_project_figures_or_the_names_given() -> None:
    project = {"rate": 50.0, "p99": 300}
    baseline = {"rate": 100.0}

    assert side_by_side(project, baseline) == [
        Row("rate", 50.0, 100.0, 0.5),
        Row("p99", 300, None, None),
    ]
    assert side_by_side(project, baseline, ["p99"]) == [Row("p99", 300, None, None)]


def test_shown_prints_blanks_integers_and_rounded_figures() -> None:
    assert shown(None) == ""
    assert shown(1200) == "1,200"
    assert shown(3.0) == "3"
    assert shown(2.345, 2) == "2.35"
    assert shown(0.5) == "0.5"
