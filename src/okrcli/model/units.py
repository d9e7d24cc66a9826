"""Unit words people write after a number: the one table for sentences and typed values.

``okr draft`` reads "from 90 minutes to 30 min" with it (:mod:`okrcli.language.sentences`);
``okr checkin`` accepts ``38 min``, ``38 mins`` and ``38 minutes`` for a key result whose
unit is ``minutes`` (:func:`okrcli.model.numbers.parse_number`).
"""

from __future__ import annotations

import re

UNIT_WORDS = {
    "day": "days", "days": "days", "d": "days", "hour": "hours", "hours": "hours", "hrs": "hours", "hr": "hours", "h": "hours",
    "minute": "minutes", "minutes": "minutes", "mins": "minutes", "min": "minutes",
    "second": "seconds", "seconds": "seconds", "secs": "seconds", "sec": "seconds", "s": "seconds",
    "ms": "ms", "millisecond": "ms", "milliseconds": "ms",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "month": "months", "months": "months",
    "point": "points", "points": "points", "pts": "points", "percent": "%", "percentage": "%",
    "pp": "pp", "usd": "USD", "eur": "EUR", "gbp": "GBP", "dollars": "USD", "euros": "EUR",
}
"""Every unit word okr knows, lower case, and the unit it means."""

_TRAILING_WORD = re.compile(r"(?<=[\d\s.%$€£])(?P<word>[A-Za-z]+)\s*$")


def canonical_unit(word: str | None) -> str | None:
    """The unit a word means (``min`` -> ``minutes``); the word itself when okr does not know it."""
    if not word:
        return None
    return UNIT_WORDS.get(word.lower(), word)


def unit_words(unit: str) -> set[str]:
    """Every word, lower case, that names ``unit``: its synonyms and its singular or plural."""
    canonical = canonical_unit(unit) or unit
    words = {unit.lower(), canonical.lower()} | {word for word, meaning in UNIT_WORDS.items() if meaning == canonical}
    for word in list(words):
        words.add(word[:-1] if word.endswith("s") and len(word) > 2 else word + "s")
    return words


def strip_unit(text: str, unit: str | None) -> str:
    """``text`` without a trailing word that names ``unit`` (``38 min`` -> ``38`` in minutes).

    A trailing word naming another unit okr knows (``38 hours`` for minutes) raises
    ValueError saying so; any other text is left for the number parser to judge.
    """
    cleaned = text.strip()
    if not unit:
        return cleaned
    if cleaned.lower().endswith(unit.lower()) and len(cleaned) > len(unit):
        return cleaned[: -len(unit)].strip()
    found = _TRAILING_WORD.search(cleaned)
    if found is None:
        return cleaned
    word = found["word"].lower()
    if word in unit_words(unit):
        return cleaned[: found.start()].strip()
    if word in UNIT_WORDS and UNIT_WORDS[word] != canonical_unit(unit):
        raise ValueError(f"{text.strip()!r} is in {UNIT_WORDS[word]}, but this is measured in {unit}; give the number in {unit}")
    return cleaned
