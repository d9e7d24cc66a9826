"""Drafting OKRs: what a draft is, ids from titles, and key results from sentences.

The rest of ``okr draft`` is beside it: feedback on what is typed (draft_feedback.py),
objectives carried over from an old period (carry_over.py) and writing the file
(draft_write.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrcli.language.quality import OUTCOME_VERBS, TASK_VERBS
from okrcli.language.sentences import ParsedKeyResult, parse_key_result
from okrcli.model.errors import UsageError
from okrcli.model.numbers import plain_number
from okrcli.usecases.draft_feedback import DraftAdvice

STOP_WORDS = frozenset({"the", "a", "an", "of", "to", "from", "and", "for", "in", "on", "by", "with", "our", "we"})
"""Words left out of ids made from titles."""


def slugify(title: str, taken: set[str] = frozenset(), max_words: int = 5) -> str:
    """An id from a title: lowercase words joined by hyphens, made unique against ``taken``."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", title.lower())
    kept = [w for w in words if w not in STOP_WORDS] or words or ["item"]
    base = "-".join(kept[:max_words])[:48].strip("-") or "item"
    candidate, suffix = base, 2
    while candidate in taken:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate


def kr_slug(title: str, taken: set[str]) -> str:
    """A key-result id from its metric: "Raise activation from 35% to 55%" -> activation."""
    padded = " " + title + " "
    cut = re.search(r"\s(?:from|by|→|->)\s", padded) or re.search(r"\sto\s", padded)
    metric = padded[: cut.start()] if cut else padded
    words = metric.split()
    if words and words[0].lower() in OUTCOME_VERBS | TASK_VERBS:
        words = words[1:]
    metric = re.sub(r"[$€£]?\d[\d,.]*\s*%?", " ", " ".join(words))
    return slugify(metric if metric.strip() else title, taken, max_words=4)


@dataclass
class DraftKeyResult:
    """A key result as drafted: a title with the numbers read from it."""

    title: str
    baseline: float
    target: float
    unit: str | None = None
    id: str | None = None


@dataclass
class DraftObjective:
    """An objective as drafted, before it has an id."""

    title: str
    type: str
    key_results: list[DraftKeyResult]
    owner: str | None = None
    id: str | None = None
    aligns_to: str | None = None
    initiatives: list[str] = field(default_factory=list)
    notes: str | None = None

    def as_data(self, taken_ids: set[str]) -> dict:
        """The objective as file data, with ids made from titles (unique against ``taken_ids``)."""
        objective_id = self.id or slugify(self.title, taken_ids)
        data: dict = {"id": objective_id, "title": self.title, "type": self.type}
        if self.owner:
            data["owner"] = self.owner
        if self.aligns_to:
            data["aligns_to"] = self.aligns_to
        kr_ids: set[str] = set()
        krs = []
        for kr in self.key_results:
            kr_id = kr.id or kr_slug(kr.title, kr_ids)
            kr_ids.add(kr_id)
            item: dict = {"id": kr_id, "title": kr.title, "baseline": plain_number(kr.baseline), "target": plain_number(kr.target)}
            if kr.unit:
                item["unit"] = kr.unit
            krs.append(item)
        data["key_results"] = krs
        if self.initiatives:
            data["initiatives"] = list(self.initiatives)
        if self.notes:
            data["notes"] = self.notes
        return data


def key_result_from_sentence(sentence: str, where: str, advice: DraftAdvice) -> tuple[DraftKeyResult, ParsedKeyResult]:
    """A key result from a sentence that must carry its own numbers (no one to ask for them).

    Raises UsageError, saying why, for a task or a sentence without a baseline and a target.
    """
    parsed = parse_key_result(sentence)
    if not parsed.complete:
        finding = advice.task(sentence)
        if finding:
            raise UsageError(f"{where}: {sentence!r} is a task, not a key result: {finding.reason}", hint=finding.suggestion)
        raise UsageError(
            f"{where}: cannot read a baseline and a target from {sentence!r}",
            hint="write 'verb metric from X to Y', e.g. 'Reduce month-end close from 7 days to 4 days'",
        )
    if parsed.baseline == parsed.target:
        raise UsageError(f"{where}: {sentence!r} has the same baseline and target")
    return DraftKeyResult(parsed.title, parsed.baseline, parsed.target, parsed.unit), parsed


def parse_outline(text: str) -> list[tuple[str, str | None, list[str]]]:
    """Objectives from a Markdown list: top-level items are objectives, nested items key results.

    An objective line may end with ``(committed)`` or ``(aspirational)``.
    Returns ``[(objective title, type or None, [key-result sentences])]``.
    """
    result: list[tuple[str, str | None, list[str]]] = []
    item = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?P<text>.+?)\s*$")
    for line in text.splitlines():
        match = item.match(line.expandtabs(4))
        if not match:
            continue
        text_part = match["text"]
        if len(match["indent"]) == 0:
            kind = None
            marker = re.search(r"\s*[(\[](committed|aspirational)[)\]]\s*$", text_part, re.IGNORECASE)
            if marker:
                kind = marker.group(1).lower()
                text_part = text_part[: marker.start()]
            result.append((text_part, kind, []))
        elif result:
            result[-1][2].append(text_part)
    return result
