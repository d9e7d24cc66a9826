"""Geometry of the HTML report's key-result charts.  Pure: numbers in, coordinates and labels out."""

from __future__ import annotations

from datetime import date

from okrcli.scoring.progress import clamp, progress
from okrcli.scoring.scores import KrResult


def chart_points(kr: KrResult, start: date, end: date, width: float, height: float, pad: float = 4.0) -> dict:
    """SVG coordinates for a key result's chart: its check-ins and the straight line baseline -> target."""
    values = [kr.baseline, kr.target] + [v for _, v in kr.values]
    low, high = min(values), max(values)
    days = max((end - start).days, 1)

    def x(day: date) -> float:
        return round(pad + (width - 2 * pad) * clamp((day - start).days / days), 1)

    def y(value: float) -> float:
        # progress() keeps 1e308-sized values finite; one value throughout sits at the bottom
        return round(pad + (height - 2 * pad) * (1 - (progress(low, high, value) if high > low else 0.0)), 1)

    points = [(x(start), y(kr.baseline))] + [(x(d), y(v)) for d, v in kr.values]
    return {
        "plan": ((x(start), y(kr.baseline)), (x(end), y(kr.target))),
        "actual": points,
        "dots": points[1:],
        "target_y": y(kr.target),
    }
