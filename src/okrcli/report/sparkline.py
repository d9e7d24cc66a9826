"""Sparklines: a run of values as block characters, lowest to highest."""

from __future__ import annotations

from okrcli.scoring.progress import clamp, progress

BLOCKS = "▁▂▃▄▅▆▇█"
"""Eight heights, lowest first."""


def sparkline(values: list[float], low: float | None = None, high: float | None = None) -> str:
    """One character per value, scaled between ``low`` and ``high`` (default: the values' range).

    ``low`` may exceed ``high`` (a key result that reduces a metric): values are
    then drawn upward as they fall, so up always means toward the target.
    """
    if not values:
        return ""
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    if high == low:
        return BLOCKS[len(BLOCKS) // 2] * len(values)
    top = len(BLOCKS) - 1
    return "".join(BLOCKS[int(clamp(progress(low, high, v)) * top + 0.5)] for v in values)
