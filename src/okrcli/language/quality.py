"""OKR quality heuristics shared by ``okr draft`` (feedback while typing) and ``okr lint``.

Pure functions over text.  The task-style detector is tuned for precision:
it flags a key result only when it *starts* with an activity verb (or hires /
publishes / conducts a count of things) and does not also state a measured
change ("from X to Y", "by N%", a rate).  Its precision and recall on a
labelled set of public key results are measured by
``python benchmarks/task_style_eval.py`` (docs/lint.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STRONG_TASK_VERBS = frozenset(
    """
    launch implement build create develop design migrate conduct hold complete publish hire write deploy
    release ship roll introduce organize organise host finish install upgrade refactor rewrite
    redesign integrate automate recruit interview prototype revamp rebuild overhaul configure announce
    draft document finalize finalise
    """.split()
)
"""Verbs that name work even when a percentage follows ("Migrate 100% of services")."""

TASK_VERBS = frozenset(
    """
    launch launched implement build create develop design migrate conduct hold complete publish hire
    write deploy release ship roll introduce organize organise host finish start begin establish
    define document draft prepare plan research attend install upgrade refactor rewrite redesign
    integrate automate pilot update send add replace run set setup kick kickoff deliver produce
    recruit interview survey translate evaluate assess review identify select purchase buy procure
    train onboard test prototype outline map schedule coordinate facilitate present submit sign-off
    finalize finalise formalize formalise standardize standardise revamp rebuild overhaul configure
    enable support participate organize teach mentor announce open renovate acquire open-source
    establish post
    """.split()
)

OUTCOME_VERBS = frozenset(
    """
    increase raise grow reduce cut decrease improve achieve reach maintain keep lower shorten boost
    lift double triple halve hit attain retain expand gain convert drive get drop minimize minimise
    eliminate sustain hold-at accelerate win lose decline slash trim shrink exceed surpass limit
    """.split()
)

_MEASURE = re.compile(
    r"\bfrom\s+[$€£]?\d|\bby\s+(?:at\s+least\s+)?[$€£]?\d|\d\s*%|\bpercent\b|\brate\b|\bscore\b|"
    r"\bnps\b|\bcsat\b|\bretention\b|\bchurn\b|\bconversion\b|\bper\s+(?:week|month|day|user|customer)\b|"
    r"\bout\s+of\s+\d|\b\d+(?:\.\d+)?\s*/\s*\d+\b|\bratio\b|\baverage\b|\bmedian\b|\btime\s+to\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(r"\bfrom\s+[$€£]?\d[\d,.]*\s*\S*\s+to\b|\bby\s+(?:at\s+least\s+)?[$€£]?\d", re.IGNORECASE)
_COUNT_OF_OUTPUTS = re.compile(
    r"^\s*(?:publish|write|hire|recruit|conduct|hold|run|host|ship|release|launch|create|produce|deliver|"
    r"complete|interview|train|onboard|send|organi[sz]e)\b.*?\b\d+\b(?!\s*%|\.\d|\s*percent)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

OUTPUT_NOUNS = (
    r"(?:blog\s+posts?|posts?|articles?|case\s+studies|case\s+study|videos?|webinars?|whitepapers?|white\s+papers?|"
    r"newsletters?|podcasts?|episodes?|runbooks?|reports?|features?|tutorials?|guides?|ebooks?|e-books?|press\s+releases?)"
)
_NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozen)"
_COUNTED_OUTPUTS = re.compile(
    rf"^\s*(?:\w+\s+)?{_NUMBER_WORD}\s+(?:(?:new|more|published|high-quality|deep-dive)\s+)*{OUTPUT_NOUNS}\b"
    rf"|^\s*{_NUMBER_WORD}\s+{OUTPUT_NOUNS}\s+(?:published|shipped|released|written)\b"
    rf"|^\s*{_NUMBER_WORD}\s+{OUTPUT_NOUNS}\s*(?:→|->)",
    re.IGNORECASE,
)
"""Counts of artefacts a team produces: "10 published blog posts", "capture three case studies"."""

_HEADCOUNT = re.compile(r"\bheadcount\b|\bteam\s+(?:size\s+)?(?:to|from)\s+\d+|\bnumber\s+of\s+hires\b", re.IGNORECASE)
"""Growing the team is hiring output, whatever the verb."""

_DEADLINE = re.compile(
    r"\b(?:by|before|until)\s+(?:the\s+)?(?:end\s+of\s+)?(?:q[1-4]|h[12]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|"
    r"aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|\d{4}|year|quarter|month|week)\b[\w\s,]*$",
    re.IGNORECASE,
)
_STANDARDS = re.compile(r"\b(?:soc\s*\d|iso\s*\d+|type\s+i{1,3}|v\d+(?:\.\d+)*|p\d|l\d\+?|q[1-4]|h[12]|\d{4})\b", re.IGNORECASE)
_QUANTITY = re.compile(rf"\d|%|\b(?:{_NUMBER_WORD[3:-1]}|zero|hundred|thousand|million|billion|double|triple|half|halve)\b", re.IGNORECASE)
CHANGE_VERBS = frozenset("increase raise grow reduce cut decrease improve lower shorten boost lift drop minimize minimise slash trim shrink accelerate expand double triple halve".split())
"""Verbs that already say which way a metric moves; the rest need a quantity to be measurable."""

METRIC_NOUNS = frozenset(
    "frequency time times rate rates coverage cadence duration speed velocity quality count volume latency throughput "
    "success failure size cost costs lead cycle".split()
)
"""A task verb followed by one of these is a noun phrase ("Deploy frequency", "Build time"), not an order."""

_ACCUMULATE = re.compile(rf"^\s*(?:build|create|grow|develop)\s+(?:a|an)\s+[\w-]+\s+of\s+[$€£]?{_NUMBER_WORD}", re.IGNORECASE)
"""Accumulating a measured thing: "Build a waitlist of 50 professionals"."""


def _is_milestone(title: str, verb: str) -> bool:
    """A non-change verb, a deadline and no quantity: done or not done ("Secure term sheet by February")."""
    if verb in CHANGE_VERBS or not _DEADLINE.search(title):
        return False
    rest = _STANDARDS.sub(" ", _DEADLINE.sub(" ", title))
    return not _QUANTITY.search(rest) and not re.search(r"\bfrom\b", rest, re.IGNORECASE)

BUSINESS_AS_USUAL = frozenset({"maintain", "keep", "continue", "ensure", "sustain", "preserve", "support", "manage", "monitor", "uphold"})
_NUMBER_IN_TEXT = re.compile(r"(?<![A-Za-z])[$€£]?\d[\d,.]*\s*(?:%|k\b|m\b|x\b)?")
_ALLOWED_NUMBERS = re.compile(r"\b(?:q[1-4]|h[12]|20\d\d|p[0-4]|b2b|b2c|24/7|1:1|e2e|okrs?|covid-19|3d|4k|5g|k8s|s3|ec2)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TaskFinding:
    verb: str
    reason: str
    suggestion: str


def first_verb(title: str) -> str:
    words = _WORD.findall(title)
    return words[0].lower() if words else ""


def task_style(title: str, baseline: float | None = None, target: float | None = None,
               extra_task_verbs: frozenset[str] = frozenset(), extra_outcome_verbs: frozenset[str] = frozenset()) -> TaskFinding | None:
    """A finding when the key result reads as an activity or an output rather than an outcome."""
    verb = first_verb(title)
    task_verbs = TASK_VERBS | extra_task_verbs
    outcome_verbs = OUTCOME_VERBS | extra_outcome_verbs
    words = [w.lower() for w in _WORD.findall(title)]
    if _COUNTED_OUTPUTS.search(title) and not _CHANGE.search(title.split("→")[0]):
        return TaskFinding(verb, "counting produced artefacts measures output, not the outcome they are for", suggest_outcome(title))
    if _HEADCOUNT.search(title):
        return TaskFinding(verb, "growing headcount is hiring output, not the outcome the people are for", suggest_outcome(title))
    if verb and verb not in extra_task_verbs and _is_milestone(title, verb):
        return TaskFinding(verb, "a deadline with nothing to measure is a milestone: done or not done", suggest_outcome(title))
    if not verb or verb in outcome_verbs:
        return None
    if len(words) > 1 and words[1] in METRIC_NOUNS and verb not in extra_task_verbs:
        return None  # "Deploy frequency daily (from weekly)": a metric named after an activity
    if _ACCUMULATE.match(title):
        return None
    if verb == "roll" and not re.match(r"^\s*roll\s+out\b", title, re.IGNORECASE):
        return None
    if verb not in task_verbs:
        return None
    binary = baseline == 0 and target == 1
    counts_outputs = bool(_COUNT_OF_OUTPUTS.match(title))
    if not binary and not counts_outputs:
        if _CHANGE.search(title):
            return None  # "Launch self-serve onboarding to raise activation from 30% to 45%"
        if verb not in STRONG_TASK_VERBS and _MEASURE.search(title):
            return None  # "Deliver 95% of orders on time"
    if counts_outputs:
        reason = f"'{verb.capitalize()} N ...' counts outputs, not the outcome they are for"
    elif binary:
        reason = f"'{verb.capitalize()} ...' with baseline 0 and target 1 is a milestone: done or not done"
    else:
        reason = f"'{verb.capitalize()} ...' describes work to do, not a result to measure"
    return TaskFinding(verb, reason, suggest_outcome(title))


def suggest_outcome(title: str) -> str:
    """A nudge toward an outcome rewrite, shaped by the verb."""
    verb = first_verb(title)
    rest = title[len(verb):].strip() if title.lower().startswith(verb) else title
    if verb in ("hire", "recruit", "onboard", "train"):
        return f"measure what the new people change (e.g. 'Reduce time to first response from 24 to 8 hours'); keep '{title}' as an initiative"
    if verb in ("publish", "write", "produce", "send"):
        return f"measure who reads and acts (e.g. 'Grow organic sign-ups from 300 to 600 per month'); keep '{title}' as an initiative"
    if verb in ("conduct", "hold", "run", "host", "interview", "survey"):
        return f"measure what you learn or change (e.g. 'Raise activation from 35% to 50%'); keep '{title}' as an initiative"
    return (
        f"state the change that '{rest}' should cause, as 'verb metric from X to Y' "
        f"(e.g. 'Reduce manual reconciliation from 12 to 2 hours per week'), and move '{title}' to the objective's initiatives"
    )


def numbers_in_objective(title: str) -> list[str]:
    """Numbers in an objective title, ignoring periods (Q4, 2026) and common names (B2B, 24/7)."""
    cleaned = _ALLOWED_NUMBERS.sub(" ", title)
    return [m.group(0).strip() for m in _NUMBER_IN_TEXT.finditer(cleaned) if any(c.isdigit() for c in m.group(0))]


def business_as_usual_word(title: str, extra: frozenset[str] = frozenset()) -> str | None:
    """The business-as-usual verb an objective starts with ("Maintain...", "Keep..."), if any."""
    verb = first_verb(title)
    return verb if verb in BUSINESS_AS_USUAL | extra else None


def word_count(title: str) -> int:
    return len(_WORD.findall(title))
