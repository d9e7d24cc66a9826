"""The forecast: the score a key result will have at the period's end if its trend continues."""

from __future__ import annotations

import math
from datetime import date

from okrcli.model.numbers import format_number
from okrcli.model.okrfile import CheckIn, KeyResult
from okrcli.model.periods import Period
from okrcli.scoring.progress import clamp, kr_score, progress


def fit_line(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares ``(slope, intercept)`` through ``points``; None when all x are equal."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def kr_forecast(kr: KeyResult, seen: list[CheckIn], period: Period, as_of: date, score: float) -> tuple[float, list[str]]:
    """The forecast from the check-ins ``seen`` by ``as_of``, and the explanation lines of its arithmetic.

    A straight line through the baseline on day 0 and every check-in, read on the period's
    last day and scored like a current value; the current score once the period has ended.
    """
    if as_of >= period.end:
        return score, [f"forecast = score, the period has ended = {score:.4f}"]
    if not seen:
        return 0.0, ["forecast = 0 (no check-in yet)"]
    points = [(0.0, kr.baseline)] + [(float((c.date - period.start).days), c.value) for c in seen]
    horizon = float((period.end - period.start).days)
    line = fit_line(points)
    if line is None:
        return score, [f"forecast = score (all values on one day) = {score:.4f}"]
    slope, intercept = line
    projected = intercept + slope * horizon
    if not all(math.isfinite(v) for v in (slope, intercept, projected)):
        return _forecast_from_progress(kr, points, horizon, period)
    forecast = kr_score(kr.baseline, kr.target, projected)
    baseline, target = format_number(kr.baseline), format_number(kr.target)
    return forecast, [
        f"trend = least-squares line through {len(points)} points (day 0 = baseline {baseline}):"
        f" value = {intercept:.4f} {'-' if slope < 0 else '+'} {abs(slope):.6f} x day",
        f"projected value on day {int(horizon)} ({period.end}) = {projected:.4f}",
        f"forecast = clamp(({projected:.4f} - {baseline}) / ({target} - {baseline}), 0, 1) = {forecast:.4f}",
    ]


def _forecast_from_progress(kr: KeyResult, points: list[tuple[float, float]], horizon: float, period: Period) -> tuple[float, list[str]]:
    # Values near the largest float overflow the sums of a fit in their own units. The line
    # through the points' progress (see progress()) reads the same forecast, since progress
    # is linear in the value, and its numbers stay small.
    slope, intercept = fit_line([(x, progress(kr.baseline, kr.target, y)) for x, y in points])
    projected = intercept + slope * horizon
    forecast = round(clamp(projected), 12)
    return forecast, [
        f"trend = least-squares line through the progress of {len(points)} points (values too large to fit"
        f" in their own units; day 0 = baseline, progress 0): progress = {intercept:.4f} {'-' if slope < 0 else '+'} {abs(slope):.6f} x day",
        f"projected progress on day {int(horizon)} ({period.end}) = {projected:.4f}",
        f"forecast = clamp({projected:.4f}, 0, 1) = {forecast:.4f}",
    ]
