"""OKR quality heuristics shared by ``okr draft`` (feedback while typing) and ``okr lint``.

Pure functions over text. Objectives are judged here; key results written as tasks
are judged by the task-style detector (task_style.py), re-exported here for the
callers that import it from this module.
"""

from __future__ import annotations

import re

from okrcli.language.task_style import TaskFinding, task_style
from okrcli.language.task_words import OUTCOME_VERBS, TASK_VERBS

__all__ = [
    "OUTCOME_VERBS", "TASK_VERBS", "TaskFinding", "business_as_usual_word", "first_word", "numbers_in_objective", "task_style", "word_count",
]

BUSINESS_AS_USUAL = frozenset({"maintain", "keep", "continue", "ensure", "sustain", "preserve", "support", "manage", "monitor", "uphold"})
_NUMBER_IN_TEXT = re.compile(r"(?<![A-Za-z])[$€£]?\d[\d,.]*\s*(?:%|k\b|m\b|x\b)?")
_ALLOWED_NUMBERS = re.compile(r"\b(?:q[1-4]|h[12]|20\d\d|p[0-4]|b2b|b2c|24/7|1:1|e2e|okrs?|covid-19|3d|4k|5g|k8s|s3|ec2)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
"""Words of an objective title, as its length and its first verb are counted (numbers are not words here)."""


def first_word(title: str) -> str:
    """The first word of a title, lowercased ("" when it has none)."""
    words = _WORD.findall(title)
    return words[0].lower() if words else ""


def numbers_in_objective(title: str) -> list[str]:
    """Numbers in an objective title, ignoring periods (Q4, 2026) and common names (B2B, 24/7)."""
    cleaned = _ALLOWED_NUMBERS.sub(" ", title)
    return [m.group(0).strip() for m in _NUMBER_IN_TEXT.finditer(cleaned) if any(c.isdigit() for c in m.group(0))]


def business_as_usual_word(title: str, extra: frozenset[str] = frozenset()) -> str | None:
    """The business-as-usual verb an objective starts with ("Maintain...", "Keep..."), if any."""
    verb = first_word(title)
    return verb if verb in BUSINESS_AS_USUAL | extra else None


def word_count(title: str) -> int:
    """The number of words in a title."""
    return len(_WORD.findall(title))
