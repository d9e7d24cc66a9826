"""The task-style detector: does a key result read as work to do rather than a result to measure?

Three stages, in order (issue 12):

1. rules that name a category (task_rules.py): a habit, a count of the team's own
   output, the end state of a deliverable, an activity, a meeting, coverage, a
   milestone, headcount. Each guards itself against outcome signals.
2. outcome vetoes: a measured change, a percentage or level, a time limit, an outcome
   verb, counts of what other people do.
3. a small learned model (task_model.py) for what neither settles.

Pure Python over the title's words: nothing is downloaded, and the model's weights are
read once, on first use. ``python benchmarks/task_style_eval.py`` measures it.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcli.language.task_model import LinearModel, features, shipped_model
from okrcli.language.task_opening import Opening, counted_noun, opening_of
from okrcli.language.task_rules import category_rule
from okrcli.language.task_vetoes import outcome_veto
from okrcli.language.task_signals import Signals, read_signals
from okrcli.language.task_suggestions import outcome_example

CATEGORIES = (
    "habit", "output-count", "output-change", "activity", "activity-inverted", "one-off", "monitoring",
    "deliverable-state", "coverage", "meeting", "milestone", "headcount",
)
"""Task categories, named as in the dataset's taxonomy (benchmarks/data/task_style/README.md)."""


@dataclass(frozen=True)
class TaskFinding:
    """Why a key result reads as a task, and how to rewrite it."""

    verb: str
    """The first word of the title (after "I'll", "We will"...)."""
    reason: str
    """Follows "reads as a task: ": names the category first ("a habit; ...", "it counts your own output...")."""
    suggestion: str
    category: str = "activity"
    decided_by: str = "rule"
    """"rule" or "model": which stage found it."""


def task_style(title: str, baseline: float | None = None, target: float | None = None,
               extra_task_verbs: frozenset[str] = frozenset(), extra_outcome_verbs: frozenset[str] = frozenset()) -> TaskFinding | None:
    """A finding when the key result reads as an activity or an output rather than an outcome.

    ``extra_task_verbs`` and ``extra_outcome_verbs`` are okr.toml's ``[lint] task_verbs``
    and ``outcome_verbs``; a word there wins over the built-in lists.
    """
    return detect(title, baseline, target, extra_task_verbs, extra_outcome_verbs, shipped_model)


def detect(title: str, baseline: float | None, target: float | None, extra_task_verbs: frozenset[str],
           extra_outcome_verbs: frozenset[str], model) -> TaskFinding | None:
    """``task_style`` with the learned model given as a zero-argument callable (cross-validation passes its own)."""
    sig = read_signals(title)
    opening = opening_of(sig, extra_task_verbs, extra_outcome_verbs)
    category = category_rule(sig, opening)
    if category:
        return _finding(sig, opening, category, "rule", title)
    if baseline == 0 and target == 1 and opening.kind == "task-verb":
        return _finding(sig, opening, "milestone", "rule", title)
    if outcome_veto(sig, opening) or not sig.tokens:
        return None
    learned: LinearModel = model()
    if learned.probability(features(sig, opening)) >= learned.threshold:
        return _finding(sig, opening, guess_category(sig, opening), "model", title)
    return None


def guess_category(sig: Signals, opening: Opening) -> str:
    """A category for a title the model flagged, from its shape."""
    if sig.frequency:
        return "habit"
    if counted_noun(sig, opening.index):
        return "output-count"
    after = sig.tokens[opening.index + 1 : opening.index + 2]
    if opening.kind == "noun" and after and after[0] not in _DETERMINERS and sig.tokens[-1].endswith("ed"):
        return "deliverable-state"  # "Partner onboarding kit refreshed"
    return "activity"  # an unknown verb first ("Blorp the frobnicator") or work described otherwise


_DETERMINERS = frozenset("a an the our my their every each all some".split())


_REASONS = {
    "habit": "a habit; it says how often the team does something, not what that changes",
    "output-count": "it counts your own output{noun}, not the outcome that output is for",
    "output-change": "it counts your own output, written as a change; more output is not the outcome it is for",
    "activity": "an activity; {said} is work to do, not a result to measure",
    "one-off": "an activity; {said} is a one-off piece of work, done or not done",
    "activity-inverted": "an activity; it says who does which work, not what the work changes",
    "monitoring": "an activity; watching or making sure ({said}) is work, not a result",
    "deliverable-state": "an end state of a deliverable; shipped or not, it does not say what changed for anyone",
    "coverage": "an activity's coverage; that everyone or everything gets the work is still the work",
    "meeting": "an activity; meetings, calls and events held are work, not what they change",
    "milestone": "a milestone; a deadline with nothing to measure is done or not done",
    "headcount": "a headcount target; hiring adds capacity, it does not say what the new people will change",
}
"""Each reason follows "reads as a task: " and names the category first."""

_ASK = {
    "habit": "measure what the habit should change",
    "output-count": "measure what the output is for (who reads, uses or buys it)",
    "output-change": "measure what the output is for (who reads, uses or buys it)",
    "deliverable-state": "measure what the deliverable changes once it is in use",
    "meeting": "measure what the meetings should change",
    "milestone": "measure what reaching the milestone changes",
    "headcount": "measure what the new people will change",
}
"""How to ask for the outcome, by category; the rest ask for the change the work should cause."""


def _finding(sig: Signals, opening: Opening, category: str, decided_by: str, title: str) -> TaskFinding:
    verb = opening.word
    noun = counted_noun(sig, opening.index)
    reason = _REASONS[category].format(
        said=f"'{verb.capitalize()} ...'" if opening.kind == "task-verb" else "it", noun=f" ({noun})" if noun else ""
    )
    ask = _ASK.get(category, "state the change this work should cause")
    suggestion = (
        f"{ask}, as 'verb metric from X to Y' (e.g. '{outcome_example(sig.tokens)}'), "
        f"and keep '{title.strip()}' as an initiative: move it into the objective's `initiatives`"
    )
    return TaskFinding(verb, reason, suggestion, category, decided_by)
