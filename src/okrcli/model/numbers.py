"""Reading numbers people type: ``5.5``, ``12%``, ``1,200``, ``1.2k``, ``$2M``, ``5.5 days``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(
    r"""^\s*(?P<sign>[-+])?\s*(?P<currency>[$€£])?\s*
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        \s*(?P<suffix>[kKmMbB]|mn|bn)?\s*(?P<percent>%)?\s*$""",
    re.VERBOSE,
)
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000}

EXAMPLES = "5.5, 12%, 1,200, 1.2k or $2M"


def parse_number(text: str, unit: str | None = None) -> float:
    """The number in ``text``; raises ValueError naming accepted forms.

    A trailing unit equal to ``unit`` (``5.5 days`` for a key result in days)
    is accepted; ``%`` is always accepted and dropped (12% is 12).
    """
    cleaned = text.strip()
    if unit and unit not in ("%",) and cleaned.lower().endswith(unit.lower()):
        cleaned = cleaned[: -len(unit)].strip()
    match = _NUMBER.match(cleaned)
    if not match:
        raise ValueError(f"{text!r} is not a number; write it like {EXAMPLES}")
    try:
        number = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits decimals
        raise ValueError(f"{text!r} is not a number; write it like {EXAMPLES}") from None
    suffix = (match["suffix"] or "").lower()
    if suffix:
        number *= _MULTIPLIERS[suffix]
    if match["sign"] == "-":
        number = -number
    return float(number)


def parse_confidence(text: str) -> float:
    """0.0-1.0, or a percentage: ``0.6`` and ``60%`` are both 0.6."""
    cleaned = text.strip()
    try:
        if cleaned.endswith("%"):
            value = float(Decimal(cleaned[:-1].strip()) / 100)
        else:
            value = float(Decimal(cleaned))
    except (InvalidOperation, ValueError):
        raise ValueError(f"confidence {text!r} is not a number; write 0.6 or 60%") from None
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence {text!r} is outside 0.0-1.0; write 0.6 or 60%")
    return value


def render_number(value: float) -> str:
    """How a number is written into a file: 7, 5.5, 0.25 (shortest exact form)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))
