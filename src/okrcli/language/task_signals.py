"""What a key-result title says about itself: its words and the shapes the detector looks for.

One pass over the title yields every signal the rules and the learned model use, so a
title is tokenised once however many rules look at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from okrcli.language.task_words import FREQUENCY_UNITS, LEVEL_NAMES

_TOKEN = (r"[a-z][a-z0-9]*(?:['/-][a-z0-9]+)*|[$€£]?\d[\d,.:]*(?:[a-z]+\b|%|\+)?|->|[%≥≤<>±+&]")
"""Words keep their digits' neighbours: "1:1", "24h", "90+", "4,000" are one token each.

Digits are tokens too, so "Post 3 times a week" reads "post", "3", "times" (the
old pattern skipped digits and read "times" as the noun after the verb).
"""

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "dozen a-dozen once twice thrice".split()
)
_PERIOD = "|".join(FREQUENCY_UNITS)
_LEVEL = "|".join(sorted((re.escape(n) for n in LEVEL_NAMES), key=len, reverse=True))
# Each long pattern opens with a lookahead on the characters its alternatives can start with:
# positions that cannot match are skipped at once (three times faster on typical titles).
_CHANGE = (
    r"(?=[-+(fudbhqt])(?:\bfrom\s+(?:[-+±~]?[$€£]?\d|once|twice|daily|weekly|monthly|quarterly|yearly|annually|never|none|zero|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|every|an?\s+(?:day|week|month|year))"
    r"|->|\b(?:up|down)\s+(?:from|by|to)?\s*[$€£]?\d|\b(?:up|down)\s+(?:by\s+)?(?:half|a\s+third|a\s+quarter|\d)"
    r"|\bby\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?[-+]?[$€£]?\d[\d,.]*\s*(?:%|x\b|pp\b|points?\b|percent)"
    r"|\bby\s+(?:half|a\s+third|a\s+quarter|a\s+fifth|two-thirds|\d+\s*(?:months?|weeks?|days?|hours?|points?))"
    r"|(?<!\S)[+-]\d[\d,.]*\s*%|\((?:was|from|currently|today|baseline|vs\.?|last)\b[^)]*\d|\(\s*\d[^)]*\blast\b"
    r"|\b(?:double|triple|halve|quadruple)\b(?!-)"
    rf"|\bfrom\s+(?:{_LEVEL})\s+to\s+(?:{_LEVEL})\b)"
)
_RATIO = (r"\bon\s+average\b|\bshare\s+of\b|\bproportion\s+of\b|\bratio\b|\b\d+\s+(?:of|out\s+of)\s+\d+\b|\b\d+\s*/\s*\d+\b")
_POPULATION = (
    r"\b(?:every|each|all|any)\s+(?:[\w'-]*[a-rt-z0-9'-]\s+){0,3}?(?:[\w'-]+\s+)?(?:over|above|under|below|older\s+than|larger\s+than|"
    r"bigger\s+than|worth\s+more\s+than|more\s+than)\s+[$€£]?\d[\d,.]*\s*[a-z]*"
)
"""A population named by a threshold ("every deal over $50k"): it says who, not how much."""
_TIME_LIMIT = (
    r"\b(?:within|in\s+under|in\s+less\s+than|in\s+fewer\s+than|inside|under|below)\s+(?:(?:their|the|its|your|our|his|her)\s+)?"
    r"(?:first\s+)?(?:a|an|one|two|three|"
    r"four|five|six|seven|ten|\d[\d.,]*)\s*(?:-\s*)?(?:business\s+|working\s+|school\s+|calendar\s+)?"
    r"(?:s|sec|secs|seconds?|ms|m|min|mins|minutes?|h|hr|hrs|hours?|days?|weeks?|months?)\b"
    r"|\bwithin\s+(?:terms|sla|the\s+sla|target|budget|the\s+same\s+day|the\s+hour)\b|\bsame[- ]day\b"
    r"|\b\d[\d.,]*\s*(?:ms|s|h|hrs?|mins?)\b\s+(?:or\s+less|or\s+faster|max)"
)
_COMPARATOR = (
    r"(?=[<>≥≤\d+ublomnafw])(?:[<>≥≤]|\d\+|\b(?:under|below|above|over|less\s+than|fewer\s+than|more\s+than|at\s+least|at\s+most|"
    r"no\s+more\s+than|no\s+less\s+than|no\s+fewer\s+than|at\s+or\s+(?:above|below)|up\s+to)\s+[$€£]?[\d.]"
    r"|\bor\s+(?:more|higher|above|better|less|lower|fewer|below|greater|faster)\b|\band\s+(?:above|up)\b"
    r"|\b(?:at|of)\s+[$€£]?\d[\d.,]*\s*(?:%|x\b|/\d)|\bwithin\s+[±+-]"
    r"|\b(?:less|more|fewer)\s+(?:often\s+)?than\s+(?:once|twice|one|two|three|a|an)\b|\bat\s+most\b)"
)
_LEVEL_WORDS = (
    r"(?=[:wz0n])(?:(?:^|:\s*|\bwith\s+)(?:zero|no|0)\b|\bwithout\s+(?:a|an|any)\s+\w+"
    r"|\bzero\s+(?:downtime|errors?|defects?|incidents?|data\s+loss)\b"
    r"|\b(?:zero|no)\s+\w+\s+(?:incidents?|findings?|errors?|defects?|breaches)\b)"
)
_MONEY = (r"[$€£]\s?\d|\b\d[\d,.]*\s*(?:k|m|bn|mn)?\s*(?:usd|eur|gbp|dollars|euros|pounds)\b")
_FREQUENCY = (
    rf"\b(?:every|each)\s+(?:other\s+|single\s+|working\s+|school\s+)?(?:\d+\s+|two\s+|three\s+|four\s+|six\s+)?"
    rf"(?:{_PERIOD})s?\b"
    rf"|\b(?:daily|nightly|weekly|fortnightly|biweekly|bi-weekly|monthly|bimonthly|quarterly|yearly|annually|"
    rf"hourly|weekdays|mornings|evenings)\b"
    rf"|\b(?:once|twice|three\s+times|\d+\s*(?:x|times))\s+(?:a|an|per|each|every)\s+\w+"
    rf"|\b(?:a|per|each)\s+(?:{_PERIOD})\b|\b\d+\s+days\s+a\s+week\b|\b(?:on|every)\s+(?:mondays|tuesdays|"
    rf"wednesdays|thursdays|fridays|saturdays|sundays)\b|\bat\s+the\s+(?:start|end)\s+of\s+(?:each|every)\b"
)
_DEADLINE = (
    r"\b(?:by|before|until|ahead\s+of|no\s+later\s+than|in\s+time\s+for)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
    r"(?:q[1-4]|h[12]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d{4}|year|quarter|"
    r"month|week|term|semester|half|fy\d*|spring|summer|autumn|fall|winter|launch|go-live|[a-z]+\s+\d{1,2}\b)"
)
_VERSION_OR_PERIOD = (r"\b(?:v\d[\d.]*|q[1-4]|h[12]|fy\d+|\d{4}|soc\s*\d|iso\s*\d+|\d+(?:\.\d+)+)\b")




@cache
def _compiled() -> dict[str, re.Pattern]:
    """The patterns, compiled on first use: importing the detector (so starting ``okr lint``) compiles nothing."""
    return {name: re.compile(source) for name, source in (
        ("token", _TOKEN), ("change", _CHANGE), ("ratio", _RATIO), ("population", _POPULATION),
        ("time_limit", _TIME_LIMIT), ("comparator", _COMPARATOR), ("level_zero", _LEVEL_WORDS), ("money", _MONEY),
        ("frequency", _FREQUENCY), ("deadline", _DEADLINE), ("version_or_period", _VERSION_OR_PERIOD),
    )}


@dataclass(frozen=True)
class Signals:
    """The shapes found in one key-result title."""

    text: str
    """The title, lowercased, with "→" written "->" and typographic quotes straightened."""
    tokens: tuple[str, ...]
    change: bool
    """A measured change: "from X to Y", "A -> B", "by 20%", "up from", "(was 2.1%)"."""
    percent: bool
    ratio: bool
    """"share of", "proportion of", "ratio", "7 of 12", "4/5"."""
    time_limit: bool
    """A service level in time: "within 4 hours", "in under 10 minutes"."""
    comparator: bool
    """A level held or reached: "at least 45", "under 400 ms", "4.5+", "or higher"."""
    level_zero: bool
    """"Zero data loss", "No production database reachable"."""
    money: bool
    frequency: bool
    """A habit's cadence: "every Monday", "3 times a week", "weekly", "per sprint"."""
    deadline: bool
    counts: bool
    """A bare count: a number that is not a percentage, a year, a version or a period."""

    @property
    def measured(self) -> bool:
        """Any sign of a measured outcome: a change, a percentage, a time limit, a level."""
        return self.change or self.percent or self.ratio or self.time_limit or self.comparator or self.level_zero


def normalise(title: str) -> str:
    """Lowercase, arrows as "->", straight quotes: the form every pattern reads."""
    return (
        title.lower().replace("→", " -> ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        .replace("–", "-").replace("—", " - ")
    )


def read_signals(title: str) -> Signals:
    """Every signal of ``title`` in one pass."""
    p = _compiled()
    text = normalise(title)
    tokens = tuple(p["token"].findall(text))
    digits = any(c.isdigit() for c in text)
    # Patterns that need a digit are skipped without one: the detector must read 20,000 titles a second.
    quantified = "every" in text or "each" in text or "all" in text or "any" in text
    plain = p["population"].sub(" ", text) if digits and quantified else text
    counts = any(t in _NUMBER_WORDS for t in tokens) or digits and any(
        t[0].isdigit() or t[0] in "$€£" for t in p["token"].findall(p["version_or_period"].sub(" ", text)) if not t.endswith("%")
    )
    return Signals(
        text=text,
        tokens=tokens,
        change=bool(p["change"].search(text)),
        percent=digits and "%" in text or "percent" in text or "per cent" in text,
        ratio=bool(p["ratio"].search(text)),
        time_limit=bool(p["time_limit"].search(text)),
        comparator=bool(p["comparator"].search(plain)),
        level_zero=bool(p["level_zero"].search(text)),
        money=digits and bool(p["money"].search(plain)),
        frequency=bool(p["frequency"].search(text)),
        deadline=bool(p["deadline"].search(text)),
        counts=counts,
    )


def is_number(token: str) -> bool:
    """A count written in digits or words ("12", "4,000", "twelve")."""
    return token[0].isdigit() or token[0] in "$€£" or token in _NUMBER_WORDS
