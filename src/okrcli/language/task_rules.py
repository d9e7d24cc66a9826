"""Rules that name a task's category: a habit, a count of your own output, an activity...

The detector asks the category rules first (each guards itself against outcome
signals, so a rule that fires is trusted), then the vetoes (task_vetoes.py), and leaves
what neither settles to the learned model (task_model.py). A rule returns the category
name used in the dataset's taxonomy (benchmarks/data/task_style/README.md).
"""

from __future__ import annotations

import re

from okrcli.language.task_opening import (
    Opening,
    counted_noun,
    has_subject_to_verb,
    is_own_output,
    is_verb_form,
    object_head,
    phrase_head,
    subject_head,
    verb_of,
)
from okrcli.language.task_signals import Signals, is_number
from okrcli.language.task_vetoes import LEVEL_ADJECTIVES, by_third_party, capable, done_well
from okrcli.language.task_words import (
    AUDIENCE_NOUNS,
    BENEFIT_VERBS,
    CHANGE_VERBS,
    HIRING_ROLES,
    MEETING_NOUNS,
    METRIC_NOUNS,
    MONITORING_OPENINGS,
    OUTPUT_NOUNS,
    OWN_PARTICIPLES,
    PEOPLE_NOUNS,
    LEVEL_VERBS,
    ROLE_NOUNS,
    STATE_WORDS,
    STRONG_TASK_VERBS,
    THIRD_PARTY_MODIFIERS,
    WIN_VERBS,
)

_TEAM_WORDS = frozenset("team teams department function org organisation organization headcount squad crew staff".split())
_GROWTH_VERBS = frozenset("grow increase expand raise double triple quadruple boost lift take scale add build go".split())
_TIME_UNITS = frozenset("s sec secs second seconds ms m min mins minute minutes h hr hrs hour hours day days week weeks month months year years".split())
_ONE_OFF_VERBS = frozenset("migrate switch move replace decommission retire sunset port transfer consolidate".split())
_STATE_WORDS = frozenset(w for w in STATE_WORDS if " " not in w)
_STATE_PHRASES = tuple(f" {w} " for w in STATE_WORDS if " " in w)
# Patterns are kept as text and compiled by the re module's cache on first use, so that
# importing the detector (and so starting `okr lint`) compiles nothing.
_PERCENT_OF = r"^\s*\S+\s+(?:\S+\s+)?\d[\d.]*\s*%\s+of\b"
_COVERED = r"^((?:[\w'-]+\s+){1,5}?)(?:on|for|in|across|to)\s+(?:100%\s+of|all|every)\b"
_RECEIVES = frozenset("get gets receive receives has have is are".split())

def _per_role(sig: Signals) -> bool:
    """"per rep", "per form tutor": a rate of someone on the team's doing."""
    tokens = sig.tokens
    return any(t == "per" and (tokens[i + 1 : i + 2] and tokens[i + 1] in ROLE_NOUNS or tokens[i + 2 : i + 3] and tokens[i + 2] in ROLE_NOUNS)
               for i, t in enumerate(tokens))


def _has_state(sig: Signals) -> bool:
    """An end-state word after the first word: "SDK v3 released", "Service in place"."""
    padded = f" {' '.join(sig.tokens)} "
    return any(t in _STATE_WORDS for t in sig.tokens[1:]) or any(p in padded for p in _STATE_PHRASES)


def _own_participle(sig: Signals) -> bool:
    return any(t in OWN_PARTICIPLES for t in sig.tokens)


def category_rule(sig: Signals, op: Opening) -> str | None:
    """The task category a rule recognises in the title, or None when no rule is sure."""
    if by_third_party(sig) or capable(sig):
        return None  # "Cycle lanes used by 3,000 riders a day", "I can hold a plank for 3 minutes": results
    for rule in _RULES:
        category = rule(sig, op)
        if category:
            return category
    return None


def _headcount(sig: Signals, op: Opening) -> str | None:
    """Hiring or growing the team: "Hire 2 detection engineers", "Grow the Android team from 3 to 6"."""
    if sig.percent or sig.time_limit or sig.money:
        return None
    if op.word in ("hire", "recruit") or op.word in ("staff", "add", "appoint") and counted_noun(sig, op.index) in HIRING_ROLES:
        return None if sig.change else "headcount"
    if sig.change and (op.kind != "outcome-verb" or op.word in CHANGE_VERBS) and not _decreasing(sig):
        unit = _unit_after_target(sig)
        start = op.index + (0 if op.kind in ("noun", "role") else 1)
        if phrase_head(sig.tokens[start:]) in _TEAM_WORDS and unit in HIRING_ROLES | {""}:
            return "headcount"
        if unit in HIRING_ROLES - AUDIENCE_NOUNS:
            return "headcount"
    return None


def _unit_after_target(sig: Signals) -> str:
    """The noun after the last number of a change: "from 25 to 60 new courses" -> courses."""
    tokens = sig.tokens
    for j in range(len(tokens) - 1, -1, -1):
        if is_number(tokens[j]) and not tokens[j].endswith("%"):
            return phrase_head(tokens[j + 1 : j + 5])
    return ""


def _output_change(sig: Signals, op: Opening) -> str | None:
    """More of the team's own output: "Grow docs pages from 180 to 260", "Sample repos: 15 -> 35"."""
    if not sig.change or sig.percent or sig.ratio or sig.time_limit or sig.money or _decreasing(sig):
        return None
    as_noun = op.kind in ("noun", "number") or op.kind == "task-verb" and op.index + 1 < len(sig.tokens) and (
        sig.tokens[op.index + 1] in OUTPUT_NOUNS and ("->" in sig.tokens or ":" in sig.text))  # "Sample repos: 15 -> 35"
    if not (op.word in _GROWTH_VERBS or as_noun):
        return None
    head = phrase_head(sig.tokens[op.index + (0 if as_noun else 1) :])
    unit = _unit_after_target(sig)
    per_role = bool(_per_role(sig))
    if re.search(r"\d\.\d", sig.text) or {head, unit} & (PEOPLE_NOUNS | _TIME_UNITS) - {""}:
        return None
    if any(t in THIRD_PARTY_MODIFIERS for t in sig.tokens[: op.index + 6]):
        return None
    if is_own_output(unit) or head == "output" or per_role and head in MEETING_NOUNS | OUTPUT_NOUNS:
        return "output-change"
    if is_own_output(head) and head not in METRIC_NOUNS:
        return "output-change"
    return None


def _decreasing(sig: Signals) -> bool:
    """The last two numbers go down: a reduction, whatever it counts."""
    numbers = []
    for token in sig.tokens:
        digits = re.sub(r"[^\d.]", "", token)
        if token[0].isdigit() and digits.count(".") < 2 and digits.strip("."):
            numbers.append(float(digits))
    return len(numbers) >= 2 and numbers[-1] < numbers[-2]


def _coverage(sig: Signals, op: Opening) -> str | None:
    """Every X gets the activity: "Every service gets an SLO", "Checks on 100% of endpoints", "Audit 10% of pallets"."""
    if sig.time_limit or sig.change or sig.level_zero:
        return None
    if op.kind == "task-verb" and op.word in STRONG_TASK_VERBS and re.match(_PERCENT_OF, " ".join(sig.tokens[op.index :])):
        if not done_well(sig):
            return "coverage"
    if sig.comparator and not sig.money or done_well(sig):
        return None
    if op.kind == "quantifier" and (not sig.percent or sig.text.startswith("100%")):
        rest = sig.tokens[1:]
        subject = subject_head(rest)
        verb_at = rest.index(subject) + 1 if subject in rest else 0
        verb = rest[verb_at] if verb_at < len(rest) else ""
        if any(t in LEVEL_ADJECTIVES for t in rest[:5]):
            return None
        if subject in PEOPLE_NOUNS and verb and verb not in _RECEIVES and not verb.endswith("ed") or verb in LEVEL_VERBS:
            return None  # "All students pass the exam", "Every service meets its SLO": a result
        return "coverage"
    match = re.match(_COVERED, sig.text)
    if op.kind == "noun" and match and not sig.frequency:
        before = sig.tokens[: len(match.group(1).split())]
        if not any(is_verb_form(t) or t in AUDIENCE_NOUNS or t in METRIC_NOUNS for t in before):
            return "coverage"
    return None


def _milestone(sig: Signals, op: Opening) -> str | None:
    """A deadline with nothing to measure: "File the annual tax return by April 15"."""
    if not sig.deadline or sig.measured or op.kind != "task-verb" or counted_noun(sig, op.index) in AUDIENCE_NOUNS:
        return None
    rest = re.sub(r"\b(?:by|before|until)\b.*$", " ", sig.text)
    if re.search(r"\d", re.sub(r"\b(?:v\d[\d.]*|q[1-4]|h[12]|\d{4}|iso\s*\d+|soc\s*\d)\b", " ", rest)):
        return None
    return "milestone"


def _meeting(sig: Signals, op: Opening) -> str | None:
    """Meetings, calls and events held: "Hold 5 customer roundtables", "Weekly quality meeting held"."""
    if sig.measured or sig.money:
        return None
    tokens = sig.tokens[op.index :]
    if op.kind == "task-verb" and (op.word in ("hold", "host", "run", "organise", "organize", "attend", "exhibit",
                                              "facilitate", "schedule", "have", "do", "give", "present")):
        if any(t in MEETING_NOUNS for t in tokens[1:7]):
            return "meeting"
    if op.kind == "number" and counted_noun(sig, op.index) in MEETING_NOUNS and not _per_role(sig):
        return "meeting"
    if op.kind in ("noun", "role") and re.search(r"\bheld\b", sig.text) and any(t in MEETING_NOUNS for t in tokens):
        return "meeting"
    if op.kind == "noun" and sig.frequency and any(t in MEETING_NOUNS for t in tokens[:5]):
        return "meeting"
    return None


def _habit(sig: Signals, op: Opening) -> str | None:
    """A cadence of the team's own doing: "Post on LinkedIn 4 times a week", "I'll read one postmortem weekly"."""
    spends_share = sig.percent and op.kind == "task-verb" and not (sig.change or sig.time_limit or sig.comparator or sig.ratio)
    if not sig.frequency or sig.measured and not spends_share:
        return None  # "Spend 20% of each week learning Rust" is still a habit
    if op.kind in ("task-verb", "role") or op.personal and op.kind != "outcome-verb":
        return "habit"
    if op.word in CHANGE_VERBS and sig.tokens[op.index + 1 : op.index + 2] in (("a",), ("an",)) and not sig.measured:
        return "habit"  # "Cut a patch release every two weeks": a change verb needs a metric, "a release" is none
    if op.kind == "number" and is_own_output(counted_noun(sig, op.index)):
        return "activity-inverted"
    return None


def _monitoring(sig: Signals, op: Opening) -> str | None:
    """Watching or making sure: "Ensure backups are tested", "Keep the docs up to date"."""
    if sig.change or sig.percent or sig.time_limit or sig.comparator:
        return None
    text = " ".join(sig.tokens[op.index :])
    if text.startswith(MONITORING_OPENINGS) or op.kind == "task-verb" and verb_of(op.word) in ("keep", "maintain"):
        return "monitoring"
    return None


def _deliverable_state(sig: Signals, op: Opening) -> str | None:
    """A noun phrase closed by an end state: "Payments SDK v3 released", "Status page live"."""
    if op.kind != "noun" or sig.measured or sig.money or len(sig.tokens) < 2 or by_third_party(sig):
        return None
    if done_well(sig):
        return None  # "Orders delivered in full": the quality of a result
    if phrase_head(sig.tokens) in AUDIENCE_NOUNS | METRIC_NOUNS:
        return None  # "Customer feedback loop closed..." is the deliverable; "Customers onboarded" are people
    if _has_state(sig):
        return "deliverable-state"
    return None


def _activity_inverted(sig: Signals, op: Opening) -> str | None:
    """Work with the verb not first: "Team leads to run...", "40 calls per rep per day", "Have 12 partner lunches"."""
    tokens = sig.tokens[op.index :]
    if op.kind == "role" and has_subject_to_verb(tokens) and not (sig.change or sig.percent or sig.time_limit):
        return "activity-inverted"
    if sig.measured or sig.money:
        return None
    if op.word in ("have", "do") and len(tokens) > 1 and (is_number(tokens[1]) or tokens[1] in ("a", "an")):
        return "activity-inverted"
    if op.kind == "number":
        noun = counted_noun(sig, op.index)
        if is_own_output(noun) and (_per_role(sig) or noun in MEETING_NOUNS):
            return "activity-inverted"
        if noun not in PEOPLE_NOUNS and _own_participle(sig) and not by_third_party(sig) and not any(
                t in THIRD_PARTY_MODIFIERS for t in tokens[:4]):
            return "output-count"  # "12 postmortems published", "200 trees planted"
    return None


def _output_count(sig: Signals, op: Opening) -> str | None:
    """A count of what the team makes or does: "Publish 12 tutorials", "Gather 30 customer quotes"."""
    if op.kind != "task-verb" or sig.change or sig.percent or sig.ratio or sig.time_limit or sig.money or sig.level_zero:
        return None
    if is_own_output(counted_noun(sig, op.index)):
        return "output-count"
    return None


def _activity(sig: Signals, op: Opening) -> str | None:
    """Work to do, verb first: "Implement SSO for the admin console", "Migrate the CRM"."""
    if op.kind != "task-verb" or sig.change or sig.time_limit or sig.level_zero or sig.comparator or sig.ratio:
        return None
    if sig.percent and op.word not in STRONG_TASK_VERBS or sig.money or done_well(sig):
        return None
    noun = counted_noun(sig, op.index)
    if op.word in WIN_VERBS and noun in AUDIENCE_NOUNS or op.word in BENEFIT_VERBS and noun in PEOPLE_NOUNS:
        return None  # "Sign up 15 new referral partners", "Support 500 families": won from or done for others
    if object_head(sig, op) in METRIC_NOUNS - OUTPUT_NOUNS - MEETING_NOUNS:
        return None  # "Hold an 'exceeds expectations' rating": a level, whatever the verb
    return "one-off" if verb_of(op.word) in _ONE_OFF_VERBS else "activity"


_RULES = (_headcount, _output_change, _coverage, _milestone, _meeting, _habit, _monitoring, _deliverable_state,
          _activity_inverted, _output_count, _activity)
