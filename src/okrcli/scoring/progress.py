"""How far a key result has come: the score of one value, and the check-ins seen on a day."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction

from okrcli.model.okrfile import CheckIn


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """``value`` held inside ``low``..``high``."""
    return max(low, min(high, value))


PROGRESS_LIMIT = 1e12
"""How far beyond the baseline (or behind it) :func:`progress` goes, in multiples of the way
to the target: far past any real metric, small enough that a trend through such points
cannot overflow."""


def progress(baseline: float, target: float, value: float) -> float:
    """(value - baseline) / (target - baseline): how much of the way from baseline to target
    ``value`` has come (0 at the baseline, 1 at the target), unclamped but always finite.

    Plain float arithmetic for every real metric; when the differences of huge values
    (1e308 - -1e308) overflow, the exact fractions are used, so the result is never inf
    or nan. Beyond :data:`PROGRESS_LIMIT` either way it is held at the limit. A baseline
    equal to its target (only possible through an earlier re-baselined value) counts as
    the whole way once the value is there, none of it before.
    """
    if target == baseline:
        return 1.0 if value == target else 0.0
    gained, span = value - baseline, target - baseline
    share = gained / span
    if not (math.isfinite(gained) and math.isfinite(span) and math.isfinite(share)):  # 0.5e308 / inf is 0.0, not 0.5
        share = float(clamp((Fraction(value) - Fraction(baseline)) / (Fraction(target) - Fraction(baseline)), -PROGRESS_LIMIT, PROGRESS_LIMIT))
    return clamp(share, -PROGRESS_LIMIT, PROGRESS_LIMIT)


def kr_score(baseline: float, target: float, current: float) -> float:
    """clamp((current - baseline) / (target - baseline), 0, 1): direction-aware by construction.

    Rounded to 12 decimals so that binary float noise ((56.8 - 54) / 4 =
    0.6999999999999993) never flips a comparison with a bar such as 0.7. Finite for any
    finite numbers (see :func:`progress`).
    """
    return round(clamp(progress(baseline, target, current)), 12)


def weighted_mean(pairs: list[tuple[float, float]]) -> float:
    """sum(value x weight) / sum(weight) over ``(value, weight)`` pairs with positive weights.

    The weights are first divided by the largest, so neither 1e308-sized nor subnormal
    weights overflow or vanish: the mean of finite values is always finite.
    """
    top = max(weight for _, weight in pairs)
    shares = [(value, weight / top) for value, weight in pairs]
    return sum(value * share for value, share in shares) / sum(share for _, share in shares)


def checkins_until(checkins: list[CheckIn], as_of: date) -> list[CheckIn]:
    """Check-ins dated on or before ``as_of`` (files keep them in date order)."""
    return [c for c in checkins if c.date <= as_of]
