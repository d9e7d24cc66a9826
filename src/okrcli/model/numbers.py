"""Numbers people type and how okr writes them back: the one home for multipliers and units.

Reading: ``5.5``, ``12%``, ``1,200``, ``1.2k``, ``$2M``, ``5.5 days`` (:func:`parse_number`).
Writing: the exact form stored in files (:func:`render_number`), the form shown to people
(:func:`format_number`, :func:`with_unit`, :func:`compact_number`, :func:`value_path`) and
the one-line echo of a check-in (:func:`describe_checkin`).
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from okrcli.model.units import strip_unit

MULTIPLIERS = {
    "k": 1_000, "thousand": 1_000,
    "m": 1_000_000, "mn": 1_000_000, "million": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
}
"""Every multiplier word okr reads after a number, lower case.  Integers, so that
:func:`parse_number` can multiply its exact Decimal without float noise."""

MULTIPLIER_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
"""The multiplier words as a regular-expression alternation, longest first."""

_NUMBER = re.compile(
    r"""^\s*(?P<sign>[-+])?\s*(?P<currency>[$€£])?\s*
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        \s*(?P<suffix>[kKmMbB]|mn|bn)?\s*(?P<percent>%)?\s*$""",
    re.VERBOSE,
)
# A typed value takes only the short multipliers ("1.2k", "$2M"); sentences also read the
# spelled-out words ("2 million"), see okrcli.language.sentences.

COMPACT_SUFFIXES = ((1e9, MULTIPLIERS["b"], "B"), (1e6, MULTIPLIERS["m"], "M"), (1e4, MULTIPLIERS["k"], "k"))
"""(from this size, divide by, suffix) for :func:`compact_number`; below 10,000 numbers stay whole."""

EXAMPLES = "5.5, 12%, 1,200, 1.2k or $2M"


def multiplier_of(word: str | None) -> int:
    """The factor a multiplier word stands for (``k`` -> 1,000); 1 for no word or an unknown one."""
    return MULTIPLIERS.get((word or "").lower(), 1)


def parse_number(text: str, unit: str | None = None) -> float:
    """The number in ``text``; raises ValueError naming accepted forms.

    A trailing word naming ``unit`` (``5.5 days``, ``5.5 d`` for a key result in days;
    see :mod:`okrcli.model.units`) is accepted; ``%`` is always accepted and dropped (12% is 12).
    """
    cleaned = strip_unit(text, unit)
    match = _NUMBER.match(cleaned)
    if not match:
        raise ValueError(f"{text!r} is not a number; write it like {EXAMPLES}")
    try:
        number = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits decimals
        raise ValueError(f"{text!r} is not a number; write it like {EXAMPLES}") from None
    number *= multiplier_of(match["suffix"])
    if match["sign"] == "-":
        number = -number
    if not math.isfinite(float(number)):
        raise ValueError(f"{text!r} is too large: a number okr stores must be below 1.8e308")
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


def plain_number(value: float | None) -> float | int | None:
    """A number as the file wrote it, for JSON and YAML data: 14.0 read from a file is 14."""
    if value is None:
        return None
    # a whole number beyond 2**53 is not exact as an integer: 1.7e308 stays 1.7e308, not 309 digits
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def format_number(value: float | None) -> str:
    """A number for people to read: thousands separated, four decimals at most; ``-`` for none.

    Numbers under 0.01 keep three significant digits (``0.000123``). Numbers of 1e15 and
    more, and those under 1e-9, are shown in scientific notation (``1.7e+308``, ``5e-324``)
    rather than as 309 digits or ``0``.
    """
    if value is None:
        return "-"
    if abs(value) >= 1e15 or 0 < abs(value) < 1e-9:
        return f"{value:.6g}"
    if float(value).is_integer():
        return f"{int(value):,}"
    # four decimals, or three significant digits for smaller numbers (0.000123, not 0.0001)
    decimals = max(4, 2 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def compact_number(value: float | None, decimals: int = 2) -> str:
    """A short number for narrow columns: 1,200,000 -> 1.2M, 24,000 -> 24k, 6.75 -> 6.75
    (``decimals`` after the point, trailing zeros dropped)."""
    if value is None:
        return "-"
    size = abs(value)
    if size >= 1e15:
        return format_number(value)
    for limit, divisor, suffix in COMPACT_SUFFIXES:
        if size >= limit:
            return f"{value / divisor:.{decimals}f}".rstrip("0").rstrip(".") + suffix
    if 0 < size < 5e-5:  # too small for decimals: scientific, three significant digits
        return f"{value:.3g}"
    if 0 < size < 1:  # at least three significant digits: 0.035 stays 0.035, not 0.04
        decimals = max(decimals, 2 - math.floor(math.log10(size)))
        return f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return format_number(round(value, decimals))


def format_in_multiples(value: float, word: str | None) -> str:
    """``value`` as written before the multiplier ``word``: 1,250,000 before ``M`` is 1.25."""
    return format_number(round(value / multiplier_of(word), 2))


def unit_affixes(unit: str | None, currency_symbol: bool = True) -> tuple[str, str]:
    """(prefix, suffix) that put ``unit`` beside a number: ``$`` before, ``%`` after, else `` days`` after.

    ``currency_symbol=False`` keeps ``USD`` a word, as in commit messages and check-in echoes.
    """
    if not unit:
        return "", ""
    if unit == "%":
        return "", "%"
    if currency_symbol and unit in ("USD", "$"):
        return "$", ""
    return "", f" {unit}"


def with_unit(value: float | None, unit: str | None) -> str:
    """``12%``, ``$1,200``, ``5.5 days``; ``-`` for no value."""
    if value is None:
        return format_number(value)
    return affixed(format_number(value), unit)


def affixed(number: str, unit: str | None, suffix_too: bool = True) -> str:
    """A written number with its unit around it: ``$1.2M``, ``-$5`` (the sign before the
    symbol), ``12%``, ``5.5 days``; ``suffix_too=False`` leaves the suffix off."""
    if number == "-":  # no value: a dash, with no unit to put around it
        return number
    prefix, suffix = unit_affixes(unit)
    if prefix and number.startswith("-"):
        number, prefix = number[1:], "-" + prefix
    return f"{prefix}{number}{suffix if suffix_too else ''}"


def distinct_compact(values: list[float | None]) -> list[str]:
    """:func:`compact_number` of each value, with more precision only where two different values
    would read alike (0.004 and 0.001 are not both "0"; 1,234,567 and 1,234,999 not both "1.23M")."""

    def distinct(texts: list[str]) -> bool:
        seen: dict[str, float | None] = {}
        for value, text in zip(values, texts):
            if seen.setdefault(text, value) != value or (value and text.lstrip("-") == "0"):
                return False
        return True

    texts = [compact_number(v) for v in values]
    for decimals in range(3, 9):
        if distinct(texts):
            return texts
        texts = [compact_number(v, decimals) for v in values]
    for digits in range(3, 16):  # beyond 8 decimals: significant digits (5e-324, 1.0000001e9)
        if distinct(texts):
            return texts
        texts = ["-" if v is None else f"{v:.{digits}g}" for v in values]
    # last: each value's shortest exact form (0.1 + 0.2 is 0.30000000000000004, 0.3 is 0.3)
    return texts if distinct(texts) else ["-" if v is None else repr(float(v)) for v in values]


def value_path(baseline: float, current: float | None, target: float, unit: str | None) -> str:
    """``14% → 12% → 10%``, ``$1.2M → $1.6M → $2M``, ``250 → 205 → 150 complaints``."""
    _, suffix = unit_affixes(unit)
    values = distinct_compact([baseline, current, target])
    if suffix.startswith(" "):  # a word unit is said once, at the end
        return " → ".join(affixed(v, unit, suffix_too=False) for v in values) + suffix
    return " → ".join(affixed(v, unit) for v in values)


def describe_checkin(value: float, unit: str | None, day: date, confidence: float | None) -> str:
    """``5.5 days on 2026-11-16, confidence 0.7``: a check-in as okr echoes and commits it."""
    _, suffix = unit_affixes(unit, currency_symbol=False)
    text = f"{render_number(value)}{suffix} on {day}"
    return text if confidence is None else f"{text}, confidence {render_number(confidence)}"


def format_change(value: float | None) -> str:
    """A change between two scores with its sign, two decimals: ``+0.12``, ``-0.05``; empty for none."""
    return "" if value is None else f"{'+' if value >= 0 else ''}{value:.2f}"


def format_confidence(confidence: float | None, missing: str = "-") -> str:
    """A confidence in a table column, one decimal: ``0.7``; ``missing`` when none was given."""
    return missing if confidence is None else f"{confidence:.1f}"
