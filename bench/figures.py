"""Pure arithmetic of the benchmark: percentiles, medians of runs, the side-by-side rows."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Figures = Mapping[str, float | int | None]


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` in 0..1) of ``values``; one value is its own."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median_figures(runs: Sequence[Figures]) -> dict[str, float | int | None]:
    """Each figure's median over the runs that have it; ``None`` when no run has it."""
    names = list(dict.fromkeys(name for run in runs for name in run))
    result: dict[str, float | int | None] = {}
    for name in names:
        values = [value for run in runs if (value := run.get(name)) is not None]
        result[name] = statistics.median(values) if values else None
    return result


def ratio(project: float | None, baseline: float | None) -> float | None:
    """``project / baseline``, or ``None`` when either is missing or the baseline is zero."""
    if project is None or baseline is None or baseline == 0:
        return None
    return project / baseline


@dataclass(frozen=True, slots=True)
class Row:
    figure: str
    project: float | int | None
    baseline: float | int | None
    ratio: float | None


def side_by_side(
    project: Figures, baseline: Figures, names: Sequence[str] | None = None
) -> list[Row]:
    """One row per figure of ``project`` (or of ``names``), beside the baseline's and the ratio."""
    return [
        Row(
            name,
            project.get(name),
            baseline.get(name),
            ratio(project.get(name), baseline.get(name)),
        )
        for name in (names if names is not None else list(project))
    ]


def shown(value: float | None, digits: int = 1) -> str:
    """A figure as printed: blank when missing, integers without decimals."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"
