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


def trend_points(kr: KeyResult, seen: list[CheckIn], period: Period) -> list[tuple[float, float]]:
    """(day of the period, value) of the baseline on day 0 and of every check-in. A check-in on
    day 0, or the latest one dated before the period started (a lint warning, not an error), is
    the measured start and takes the baseline's place on day 0: two values on one day would
    read as a wild spread, and a value on a negative day would tilt the line."""
    checkins = [(float((c.date - period.start).days), c.value) for c in seen]
    before = [value for day, value in checkins if day <= 0]
    after = [(day, value) for day, value in checkins if day > 0]
    return [(0.0, before[-1] if before else kr.baseline)] + after


def kr_forecast(kr: KeyResult, seen: list[CheckIn], period: Period, as_of: date, score: float) -> tuple[float, list[str]]:
    """The forecast from the check-ins ``seen`` by ``as_of``, and the explanation lines of its arithmetic.

    A straight line through the baseline on day 0 and every check-in, read on the period's
    last day and scored like a current value; the current score once the period has ended.
    """
    if as_of >= period.end:
        return score, [f"forecast = score, the period has ended = {score:.4f}"]
    if not seen:
        return 0.0, ["forecast = 0 (no check-in yet)"]
    points = trend_points(kr, seen, period)
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
        f"trend = least-squares line through {len(points)} points"
        f" ({'day 0 = baseline ' + baseline if points[0] == (0.0, kr.baseline) else 'a check-in on day 0 stands for the baseline'}):"
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


CONFIDENCE_SPAN = 0.2
"""How far a confidence of 0 widens the landing zone either way (a confidence of 1 adds nothing)."""

UNKNOWN_CONFIDENCE = 0.5
"""The confidence assumed, for the landing zone only, when none has been given."""


def forecast_range(
    kr: KeyResult, seen: list[CheckIn], period: Period, as_of: date, forecast: float, confidence: float | None
) -> tuple[tuple[float, float], list[str]]:
    """The landing zone ``(low, high)`` around the forecast, and the explanation lines of its arithmetic.

    In progress units (0 at the baseline, 1 at the target): the trend's projection plus or
    minus one standard error of a prediction from that trend (how far the check-ins stray
    from their line, and how far the period's end lies from them), widened by
    ``(1 - confidence) x`` :data:`CONFIDENCE_SPAN`; both ends clamped to 0..1. A closed
    period lands on its final score; with no check-in the zone is the whole 0..1.
    """
    if as_of >= period.end:
        return (forecast, forecast), [f"forecast range = [{forecast:.4f}, {forecast:.4f}] (the period has ended)"]
    if not seen:
        return (0.0, 1.0), ["forecast range = [0, 1] (no check-in yet: anything is possible)"]
    points = [(day, progress(kr.baseline, kr.target, value)) for day, value in trend_points(kr, seen, period)]
    horizon = float((period.end - period.start).days)
    spread, spread_line = _prediction_error(points, horizon)
    given = confidence if confidence is not None else UNKNOWN_CONFIDENCE
    widening = (1 - given) * CONFIDENCE_SPAN
    margin = spread + widening
    low = round(min(forecast, clamp(forecast - margin)), 12)
    high = round(max(forecast, clamp(forecast + margin)), 12)
    said = f"confidence {format_number(given)}" + ("" if confidence is not None else " (none given: assumed)")
    return (low, high), [
        spread_line,
        f"confidence widening = (1 - {said}) x {CONFIDENCE_SPAN} = {widening:.4f}",
        f"forecast range = clamp(forecast {forecast:.4f} -/+ ({spread:.4f} + {widening:.4f}), 0, 1) = [{low:.4f}, {high:.4f}]",
    ]


def _prediction_error(points: list[tuple[float, float]], horizon: float) -> tuple[float, str]:
    """One standard error of the trend's prediction on day ``horizon``, in progress units, and how it was found."""
    n = len(points)
    line = fit_line(points)
    if line is None or n < 3:
        return 0.0, f"trend spread = 0 ({n} points: too few to measure how they stray from a line)"
    slope, intercept = line
    mean_x = sum(x for x, _ in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    residuals = sum((y - (intercept + slope * x)) ** 2 for x, y in points)
    sigma = math.sqrt(residuals / (n - 2))
    spread = sigma * math.sqrt(1 + 1 / n + (horizon - mean_x) ** 2 / sxx)
    if not math.isfinite(spread):
        return 0.0, "trend spread = 0 (the progress values are too large to measure a spread)"
    return spread, (
        f"trend spread = one standard error of the prediction on day {int(horizon)} = {sigma:.4f}"
        f" x sqrt(1 + 1/{n} + ({int(horizon)} - {mean_x:.1f})^2 / {sxx:.1f}) = {spread:.4f} (in progress)"
    )
