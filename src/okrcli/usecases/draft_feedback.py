"""Feedback on a draft as it is typed, from the same checks ``okr lint`` runs.

Each finding names the lint rule that would report it, and okr.toml's ``[lint]`` and
rule options apply as they do for ``okr lint``: an ignored (or unselected) rule says
nothing, each finding has the level ``okr lint`` would give it, and the rules' options
(the word limit, extra task, outcome and business-as-usual words) are the ones configured.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrcli.language.quality import business_as_usual_word, numbers_in_objective, task_style, word_count
from okrcli.language.sentences import ParsedKeyResult
from okrcli.repo.config import Settings
from okrcli.rules.options import rule_options
from okrcli.rules.registry import BY_NAME
from okrcli.rules.runner import Selection

FEWEST_KEY_RESULTS = 2
MOST_KEY_RESULTS = 5
"""What the file format allows (an objective has 2 to 5 key results)."""


@dataclass(frozen=True)
class Feedback:
    """One finding about a draft: the rule, what is wrong, what to try, and its level."""

    rule: str
    message: str
    suggestion: str
    severity: str = "warning"
    """The rule's level: okr.toml's, else the rule's default (set by :class:`DraftAdvice`)."""


def _words(values) -> frozenset[str]:
    return frozenset(word.lower() for word in values)


class DraftAdvice:
    """The lint rules' judgement of drafted objectives and key results, as okr.toml sets them."""

    def __init__(self, settings: Settings | None = None):
        settings = settings or Settings()
        self._selection = Selection(settings)
        task_options = rule_options(settings, "kr-task-style")
        self._task_verbs = _words(task_options["task_verbs"])
        self._outcome_verbs = _words(task_options["outcome_verbs"])
        self._usual_words = _words(rule_options(settings, "objective-business-as-usual")["words"])
        self.max_objective_words = rule_options(settings, "objective-too-long")["max_words"]

    def _kept(self, found: list[Feedback]) -> list[Feedback]:
        """The findings of rules okr.toml lets report, at the level okr lint reports them."""
        levels = self._selection.levels
        return [
            Feedback(f.rule, f.message, f.suggestion, levels.get(f.rule) or BY_NAME[f.rule].severity.value)
            for f in found
            if self._selection.wants(f.rule)
        ]

    def task(self, title: str, baseline: float | None = None, target: float | None = None):
        """kr-task-style's finding for a key result title (None when it reads as an outcome or the rule is off)."""
        if not self._selection.wants("kr-task-style"):
            return None
        return task_style(title, baseline, target, self._task_verbs, self._outcome_verbs)

    def objective(self, title: str) -> list[Feedback]:
        """Numbers, business as usual and length, as objective-has-number, -business-as-usual and -too-long judge them."""
        found = []
        numbers = numbers_in_objective(title)
        if numbers:
            found.append(Feedback(
                "objective-has-number",
                f"the objective contains a number ({', '.join(numbers)}): it reads like a quota",
                "say what should change and why it matters; put the number in a key result",
            ))
        verb = business_as_usual_word(title, self._usual_words)
        if verb:
            found.append(Feedback(
                "objective-business-as-usual",
                f"'{verb.capitalize()} ...' sounds like business as usual",
                "an objective names a change worth a quarter's focus; watch steady-state metrics as guardrails",
            ))
        words, limit = word_count(title), self.max_objective_words
        if words > limit:
            found.append(Feedback(
                "objective-too-long",
                f"the objective has {words} words; short objectives are remembered",
                f"keep it under {limit} words; move detail into key results",
            ))
        return self._kept(found)

    def key_result(self, parsed: ParsedKeyResult) -> list[Feedback]:
        """A task-style key result (kr-task-style), or one without a number to reach (kr-no-number)."""
        finding = self.task(parsed.title, parsed.baseline, parsed.target)
        if finding:
            return self._kept([Feedback("kr-task-style", f"this key result is a task: {finding.reason}", finding.suggestion)])
        if parsed.target is None and parsed.relative is None and parsed.delta is None and parsed.multiplier is None:
            return self._kept([Feedback(
                "kr-no-number",
                "no target found in the sentence",
                "write it as 'verb metric from X to Y', e.g. 'Raise NPS from 40 to 50'",
            )])
        return []

    def count(self, count: int) -> list[Feedback]:
        """Too few or too many key results for one objective (kr-count)."""
        if count < FEWEST_KEY_RESULTS:
            plural = "s" if count != 1 else ""
            found = [Feedback("kr-count", f"{count} key result{plural}: an objective needs 2 to 5", "add another measurable result")]
        elif count > MOST_KEY_RESULTS:
            found = [Feedback("kr-count", f"{count} key results: an objective needs 2 to 5", "keep the 5 that matter most")]
        else:
            found = []
        return self._kept(found)
