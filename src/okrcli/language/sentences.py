"""Read baseline, target and unit out of a key result written as a sentence.

    "Reduce month-end close from 7 days to 4 days" -> baseline 7, target 4, unit days
    "Grow ARR from $1.2M to $2M"                    -> 1,200,000 -> 2,000,000 USD
    "Achieve 90% on-time delivery"                  -> target 90 %, baseline to ask for
    "Reduce churn by 20%"                           -> relative: target = baseline x 0.8
    "Raise CSAT to at least 4.2 out of 5"           -> target 4.2, unit /5
    "Cut P1 incidents from 12 to zero"              -> 12 -> 0

Pure text processing; :func:`complete` turns a relative sentence plus a
baseline the user gives into a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrcli.model.numbers import MULTIPLIER_PATTERN, multiplier_of
from okrcli.model.units import UNIT_WORDS

INCREASE = {
    "increase", "raise", "grow", "improve", "boost", "lift", "expand", "achieve", "reach", "hit", "attain",
    "double", "triple", "quadruple", "get", "drive", "gain", "win", "accelerate", "scale", "push", "bring", "move",
}
DECREASE = {
    "reduce", "cut", "decrease", "lower", "shorten", "drop", "halve", "minimize", "minimise", "eliminate",
    "shrink", "slash", "trim", "decline", "limit",
}
MULTIPLYING_VERBS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}

_NUM = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+"
_VALUE = rf"(?P<{{name}}cur>[$€£])?\s*(?P<{{name}}num>{_NUM}|zero|none)\s*(?P<{{name}}mult>{MULTIPLIER_PATTERN})?\b\s*(?P<{{name}}pct>%|percent\b)?"


def _value(name: str) -> str:
    return _VALUE.replace("{name}", name)


FROM_TO = re.compile(
    rf"\bfrom\s+(?:about\s+|around\s+|~\s*)?{_value('a')}\s*(?P<aunit>[a-z]+)?\s*(?:to|→|->|=>)\s+"
    rf"(?:(?:at\s+least|at\s+most|below|under|above|over|less\s+than|more\s+than|no\s+more\s+than)\s+)?{_value('b')}\s*(?P<bunit>[a-z]+)?",
    re.IGNORECASE,
)
_ARROW = re.compile(rf"{_value('a')}\s*(?P<aunit>[a-z]+)?\s*(?:→|->|=>)\s*{_value('b')}\s*(?P<bunit>[a-z]+)?", re.IGNORECASE)
_BY = re.compile(rf"\bby\s+(?:at\s+least\s+)?{_value('d')}\s*(?P<dunit>[a-z]+)?", re.IGNORECASE)
_TO = re.compile(
    rf"\b(?:to|at)\s+(?:(?:at\s+least|at\s+most|below|under|above|over|less\s+than|more\s+than|no\s+more\s+than)\s+)?{_value('t')}\s*(?P<tunit>[a-z]+)?",
    re.IGNORECASE,
)
_OUT_OF = re.compile(rf"(?P<num>{_NUM})\s*(?:out\s+of|/)\s*(?P<scale>\d+(?:\.\d+)?)", re.IGNORECASE)
_ANY = re.compile(_value("n") + r"\s*(?P<nunit>[a-z]+)?", re.IGNORECASE)
_NAMES_WITH_DIGITS = re.compile(r"\b[a-z]+\d+(?:\.\d+)*[a-z\d]*\b", re.IGNORECASE)
"""p95, P1, v2, v1.2, IPv6, k8s, Q4: names that contain digits, not numbers."""


def _hide_names(text: str) -> str:
    """``text`` with every name containing digits blanked out (same length, so offsets still match)."""
    return _NAMES_WITH_DIGITS.sub(lambda found: "_" * len(found.group()), text)


@dataclass(frozen=True)
class ParsedKeyResult:
    """What a sentence says about a key result's numbers."""

    title: str
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None
    direction: int | None = None  # +1 increase, -1 decrease, None unknown
    relative: float | None = None  # "by 20%": 0.2 (signed by direction when completed)
    delta: float | None = None  # "by 10 points": 10
    multiplier: float | None = None  # "double": 2.0

    @property
    def needs_baseline(self) -> bool:
        return self.baseline is None

    @property
    def complete(self) -> bool:
        return self.baseline is not None and self.target is not None


def _number(match: re.Match, name: str) -> float:
    raw = match[f"{name}num"].replace(",", "").lower()
    if raw in ("zero", "none"):
        return 0.0
    return round(float(raw) * multiplier_of(match[f"{name}mult"]), 10)


def _unit(match: re.Match, name: str, word_group: str | None = None) -> str | None:
    if match[f"{name}pct"]:
        return "%"
    if match[f"{name}cur"]:
        return CURRENCIES[match[f"{name}cur"]]
    if word_group:
        word = (match[word_group] or "").lower()
        if word in UNIT_WORDS:
            return UNIT_WORDS[word]
    return None


def _direction(text: str) -> int | None:
    words = re.findall(r"[a-z]+", text.lower())
    for word in words[:3]:
        if word in DECREASE:
            return -1
        if word in INCREASE:
            return 1
    return None


def parse_key_result(sentence: str) -> ParsedKeyResult:
    """Read numbers out of ``sentence``; whatever it does not say stays None."""
    title = " ".join(sentence.split())
    direction = _direction(title)
    first_word = (re.findall(r"[a-z]+", title.lower()) or [""])[0]
    text = _hide_names(title)  # numbers are read from this; the title stays as written

    match = FROM_TO.search(text) or _ARROW.search(text)
    if match:
        baseline, target = _number(match, "a"), _number(match, "b")
        unit = _unit(match, "b", "bunit") or _unit(match, "a", "aunit")
        scale = _OUT_OF.search(text[match.start():])
        if unit is None and scale:
            unit = f"/{scale['scale'].rstrip('0').rstrip('.') if '.' in scale['scale'] else scale['scale']}"
        return ParsedKeyResult(title, baseline, target, unit, direction or (1 if target > baseline else -1))

    out_of = _OUT_OF.search(text)
    if out_of:
        target = float(out_of["num"])
        scale = out_of["scale"]
        return ParsedKeyResult(title, None, target, f"/{scale}", direction)

    if first_word in MULTIPLYING_VERBS:
        by = _BY.search(text)
        return ParsedKeyResult(title, None, None, _unit(by, "d", "dunit") if by else None, direction, multiplier=MULTIPLYING_VERBS[first_word])

    by = _BY.search(text)
    if by:
        amount = _number(by, "d")
        if by["dpct"]:
            return ParsedKeyResult(title, None, None, None, direction, relative=amount / 100)
        return ParsedKeyResult(title, None, None, _unit(by, "d", "dunit"), direction, delta=amount)

    to = _TO.search(text)
    if to:
        return ParsedKeyResult(title, None, _number(to, "t"), _unit(to, "t", "tunit"), direction)

    anywhere = _ANY.search(text)
    if anywhere and direction is not None:
        return ParsedKeyResult(title, None, _number(anywhere, "n"), _unit(anywhere, "n", "nunit"), direction)
    return ParsedKeyResult(title, direction=direction)


def complete(parsed: ParsedKeyResult, baseline: float) -> ParsedKeyResult:
    """Fill in the baseline (and a relative target) once the user has given a baseline."""
    from dataclasses import replace

    sign = parsed.direction or 1
    target = parsed.target
    if parsed.relative is not None:
        target = round(baseline * (1 + sign * parsed.relative), 10)
    elif parsed.delta is not None:
        target = round(baseline + sign * parsed.delta, 10)
    elif parsed.multiplier is not None:
        target = round(baseline * parsed.multiplier, 10)
    return replace(parsed, baseline=baseline, target=target)
