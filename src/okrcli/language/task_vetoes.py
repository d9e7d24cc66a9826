"""Outcome vetoes: what makes a key-result title an outcome whatever its verb.

Asked after the category rules (task_rules.py), which also guard themselves with the
predicates here: a measured change, a level, a time limit, the quality of a result, what
other people do, how a system behaves.
"""

from __future__ import annotations

import re

from okrcli.language.task_opening import (
    Opening,
    counted_noun,
    has_subject_to_verb,
    is_own_output,
    object_head,
    phrase_head,
    subject_head,
    verb_of,
)
from okrcli.language.task_signals import Signals
from okrcli.language.task_words import (
    AUDIENCE_NOUNS,
    LEVEL_VERBS,
    MEETING_NOUNS,
    METRIC_NOUNS,
    OUTPUT_NOUNS,
    THIRD_PARTY_AGENTS,
    THIRD_PARTY_MODIFIERS,
)

_DONE_WELL = (
    r"\b(?:on\s+time|on\s+schedule|on\s+budget|first\s+time|right\s+first|correctly|without|accurately|successfully|"
    r"error-free|defect-free|in\s+full)\b"
)
"""Kept as text, compiled by the re module's cache on first use: importing the detector compiles nothing."""
_AGENT_WORDS = frozenset(w for w in THIRD_PARTY_AGENTS if " " not in w)
_AGENT_PHRASES = tuple(f" {w} " for w in THIRD_PARTY_AGENTS if " " in w)
LEVEL_ADJECTIVES = frozenset(
    "profitable compliant healthy green secure accessible reliable stable accurate positive break-even cash-positive "
    "carbon-neutral net-zero safe satisfied happy engaged fluent proficient ready on-track".split()
)
"""What a quantified subject can be that is a level, not work done: "Every store profitable"."""
_METRIC_ONLY = METRIC_NOUNS - OUTPUT_NOUNS - MEETING_NOUNS


def capable(sig: Signals) -> bool:
    """A personal capability: "I can hold a plank for 3 minutes" is a result, whatever the verb."""
    return bool(re.match(r"^(?:i|we)\s+(?:can|could|am\s+able\s+to|are\s+able\s+to)\b", sig.text))


def done_well(sig: Signals) -> bool:
    """The quality of a result: "paid on time", "right first time", "without a fault"."""
    return bool(re.search(_DONE_WELL, sig.text))


def by_third_party(sig: Signals) -> bool:
    """A passive whose agent is someone else: "used by 50 labs", "papers accepted at ACL"."""
    padded = f" {' '.join(sig.tokens)} "
    return any(t in _AGENT_WORDS for t in sig.tokens) or any(p in padded for p in _AGENT_PHRASES)


def outcome_veto(sig: Signals, op: Opening) -> str | None:
    """Why the title reads as an outcome, or None when nothing says so."""
    if sig.change:
        return "change"
    if sig.time_limit:
        return "time-limit"
    if sig.percent or sig.ratio or sig.comparator or sig.level_zero:
        return "level"
    if op.kind == "outcome-verb":
        return "outcome-verb"
    if capable(sig):
        return "capability"  # "I can hold a plank for 3 minutes"
    if done_well(sig):
        return "quality"  # "All invoices paid on time": the quality of a result
    if op.kind in ("noun", "quantifier", "audience") and any(t in LEVEL_ADJECTIVES or t in LEVEL_VERBS for t in sig.tokens[:6]):
        return "level"  # "Every store profitable by Q4", "Every store hits its target"
    if op.word in ("hold", "earn") and object_head(sig, op) in _METRIC_ONLY:
        return "level"  # "Hold an 'exceeds expectations' rating"
    if op.kind == "noun" and subject_head(sig.tokens) and not has_subject_to_verb(sig.tokens):
        return "system-behaviour"  # "Search returns results...", "External endpoints reject...": how something behaves
    if sig.money:
        return "money"
    if op.kind == "noun" and re.search(r"^(?:[\w'-]+\s+){1,3}at\s+\d", sig.text) and not any(
            verb_of(t) for t in sig.tokens[:3]):
        return "level"  # "Trial enrolment at 120 patients": a level, where "Exhibit at 4 trade shows" is work
    if by_third_party(sig) or op.kind == "audience":
        return "third-party"
    if op.kind in ("noun", "number") and any(t in THIRD_PARTY_MODIFIERS for t in sig.tokens[:4]):
        return "third-party"  # "35 community-built integrations listed": someone else's output
    noun = counted_noun(sig, op.index)
    if noun in AUDIENCE_NOUNS and not is_own_output(noun):
        return "third-party"
    if op.kind == "noun" and phrase_head(sig.tokens[:4]) in METRIC_NOUNS - OUTPUT_NOUNS:
        return "metric"  # "Co-selling rate: ...": a measure named after an activity
    return None
