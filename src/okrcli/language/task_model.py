"""The learned part of the task-style detector: logistic regression over words and shapes.

It decides only what no rule and no veto settles (task_rules.py). Its weights are a
small JSON file shipped in the package, written by ``scripts/train_task_style.py`` from
the labelled development statements; they are read once, on first use, so importing
this module (and starting ``okr lint``) costs nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache

from okrcli.language.task_opening import Opening, counted_noun
from okrcli.language.task_signals import Signals, is_number
from okrcli.language.task_words import AUDIENCE_NOUNS, MEETING_NOUNS, OUTPUT_NOUNS, ROLE_NOUNS

WEIGHTS_FILE = "task_style_weights.json"
_SIGNAL_NAMES = ("change", "percent", "ratio", "time_limit", "comparator", "level_zero", "money", "frequency", "deadline", "counts")


def _word_class(token: str) -> str:
    if is_number(token):
        return "<num>"
    if token.endswith("%"):
        return "<pct>"
    return token


def features(sig: Signals, opening: Opening) -> list[str]:
    """The model's features of one title: words, word pairs, its opening and the signals found.

    Numbers are one word ("<num>") so that "Publish 12 posts" and "Publish 40 posts"
    read alike; the signals carry what generalises across domains.
    """
    words = [_word_class(t) for t in sig.tokens[opening.index :]]
    found = [f"open:{opening.kind}", f"first:{opening.word}"]
    if opening.personal:
        found.append("open:personal")
    found += [f"w:{w}" for w in words]
    found += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    found += [f"sig:{name}" for name in _SIGNAL_NAMES if getattr(sig, name)]
    if not sig.measured:
        found.append("sig:unmeasured")
    noun = counted_noun(sig, opening.index)
    if noun:
        kind = "audience" if noun in AUDIENCE_NOUNS else "meeting" if noun in MEETING_NOUNS else "output" if noun in OUTPUT_NOUNS else "role" if noun in ROLE_NOUNS else "other"
        found.append(f"counted:{kind}")
    if len(words) > 1:
        found.append(f"last:{words[-1]}")
        if words[0].endswith(("ise", "ize", "ify", "ate")):
            found.append("first:verb-suffix")
    return found


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression: a bias and one weight per feature; unknown features weigh nothing."""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, found: list[str]) -> float:
        """The probability that a title with these features is a task."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in set(found))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self) -> str:
        """The weights as the shipped file stores them: sorted, rounded, one feature a line."""
        body = {"bias": round(self.bias, 4), "threshold": self.threshold,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}
        return json.dumps(body, indent=0, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "LinearModel":
        """A model from the text ``to_json`` wrote."""
        body = json.loads(text)
        return cls(float(body["bias"]), {k: float(v) for k, v in body["weights"].items()}, float(body.get("threshold", 0.5)))


@cache
def shipped_model() -> LinearModel:
    """The model trained on the development statements, read from the package once."""
    from importlib import resources  # here, not at the top: importing it costs start-up time every command would pay

    text = resources.files("okrcli.language").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return LinearModel.from_json(text)
