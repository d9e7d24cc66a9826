"""How far a key result has come: the score of one value, and the check-ins seen on a day."""

from __future__ import annotations

from datetime import date

from okrcli.model.okrfile import CheckIn


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """``value`` held inside ``low``..``high``."""
    return max(low, min(high, value))


def kr_score(baseline: float, target: float, current: float) -> float:
    """clamp((current - baseline) / (target - baseline), 0, 1): direction-aware by construction.

    Rounded to 12 decimals so that binary float noise ((56.8 - 54) / 4 =
    0.6999999999999993) never flips a comparison with a bar such as 0.7.
    """
    return round(clamp((current - baseline) / (target - baseline)), 12)


def checkins_until(checkins: list[CheckIn], as_of: date) -> list[CheckIn]:
    """Check-ins dated on or before ``as_of`` (files keep them in date order)."""
    return [c for c in checkins if c.date <= as_of]
