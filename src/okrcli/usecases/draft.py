"""Drafting OKRs: ids from titles, quality feedback, outlines, carry-over, and writing.

New files are rendered whole; an objective added to an existing file is
rendered in that file's indentation and spliced after its last objective, so
nothing already in the file changes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.model.diagnostics import has_errors
from okrcli.yamlio.splice import line_end_after, dash_column, insert_lines
from okrcli.model.errors import EditRefused
from okrcli.usecases.pipeline import load_file
from okrcli.language.quality import business_as_usual_word, numbers_in_objective, task_style, word_count
from okrcli.language.sentences import ParsedKeyResult
from okrcli.yamlio.writer import dump_yaml, geometry

MAX_OBJECTIVE_WORDS = 12


@dataclass(frozen=True)
class Feedback:
    rule: str
    message: str
    suggestion: str


def slugify(title: str, taken: set[str] = frozenset(), max_words: int = 5) -> str:
    """An id from a title: lowercase words joined by hyphens, made unique against ``taken``."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", title.lower())
    stop = {"the", "a", "an", "of", "to", "from", "and", "for", "in", "on", "by", "with", "our", "we"}
    kept = [w for w in words if w not in stop] or words or ["item"]
    base = "-".join(kept[:max_words])[:48].strip("-") or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def kr_slug(title: str, taken: set[str]) -> str:
    """A key-result id from its metric: "Raise activation from 35% to 55%" -> activation."""
    from okrcli.language.quality import OUTCOME_VERBS, TASK_VERBS

    padded = " " + title + " "
    cut = re.search(r"\s(?:from|by|→|->)\s", padded) or re.search(r"\sto\s", padded)
    metric = padded[: cut.start()] if cut else padded
    words = metric.split()
    if words and words[0].lower() in OUTCOME_VERBS | TASK_VERBS:
        words = words[1:]
    metric = re.sub(r"[$€£]?\d[\d,.]*\s*%?", " ", " ".join(words))
    return slugify(metric if metric.strip() else title, taken, max_words=4)


def objective_feedback(title: str, max_words: int = MAX_OBJECTIVE_WORDS) -> list[Feedback]:
    found = []
    numbers = numbers_in_objective(title)
    if numbers:
        found.append(Feedback(
            "objective-has-number",
            f"the objective contains a number ({', '.join(numbers)}): it reads like a quota",
            "say what should change and why it matters; put the number in a key result",
        ))
    verb = business_as_usual_word(title)
    if verb:
        found.append(Feedback(
            "objective-business-as-usual",
            f"'{verb.capitalize()} ...' sounds like business as usual",
            "an objective names a change worth a quarter's focus; watch steady-state metrics as guardrails",
        ))
    if word_count(title) > max_words:
        found.append(Feedback(
            "objective-too-long",
            f"the objective has {word_count(title)} words; short objectives are remembered",
            f"keep it under {max_words} words; move detail into key results",
        ))
    return found


def key_result_feedback(parsed: ParsedKeyResult) -> list[Feedback]:
    finding = task_style(parsed.title, parsed.baseline, parsed.target)
    if finding:
        return [Feedback("kr-task-style", f"this key result is a task: {finding.reason}", finding.suggestion)]
    if parsed.target is None and parsed.relative is None and parsed.delta is None and parsed.multiplier is None:
        return [Feedback(
            "kr-no-number",
            "no target found in the sentence",
            "write it as 'verb metric from X to Y', e.g. 'Raise NPS from 40 to 50'",
        )]
    return []


def count_feedback(count: int) -> list[Feedback]:
    if count < 2:
        return [Feedback("kr-count", f"{count} key result{'s' if count != 1 else ''}: an objective needs 2 to 5", "add another measurable result")]
    if count > 5:
        return [Feedback("kr-count", f"{count} key results: an objective needs 2 to 5", "keep the 5 that matter most")]
    return []


@dataclass
class DraftKeyResult:
    title: str
    baseline: float
    target: float
    unit: str | None = None
    id: str | None = None


@dataclass
class DraftObjective:
    title: str
    type: str
    key_results: list[DraftKeyResult]
    owner: str | None = None
    id: str | None = None
    aligns_to: str | None = None
    initiatives: list[str] = field(default_factory=list)
    notes: str | None = None

    def as_data(self, taken_ids: set[str]) -> dict:
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
            item: dict = {"id": kr_id, "title": kr.title, "baseline": _num(kr.baseline), "target": _num(kr.target)}
            if kr.unit:
                item["unit"] = kr.unit
            krs.append(item)
        data["key_results"] = krs
        if self.initiatives:
            data["initiatives"] = list(self.initiatives)
        if self.notes:
            data["notes"] = self.notes
        return data


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


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


def schema_modeline(target: Path, repo_dir: Path, schema_url: str | None) -> str:
    location = schema_url or Path(os.path.relpath(repo_dir / "okr.schema.json", target.parent)).as_posix()
    return f"# yaml-language-server: $schema={location}\n"


def write_draft(repo_dir: Path, settings, team: str, period: str, drafts: list["DraftObjective"], lead: str | None = None, dry_run: bool = False):
    """Create the team's file for ``period`` or append to it; validate first; write atomically.

    Returns ``(path, created, before, after)``.
    """
    from okrcli.usecases.locks import locked
    from okrcli.yamlio.writer import write_atomic

    okr_root = repo_dir / settings.root
    path = okr_root / period / f"{team}.yaml"
    existing = [p for p in (path, path.with_suffix(".yml")) if p.is_file()]
    if existing:
        path = existing[0]
    with locked(path):
        if path.is_file():
            before = path.read_bytes().decode("utf-8-sig")
            current = load_file(path, okr_root)
            if current.team_file is None:
                raise EditRefused(f"{path} has errors", hint="fix it first (okr validate), then draft again")
            taken = {o.id for o in current.team_file.okr.objectives}
            text = before
            for draft in drafts:
                data = draft.as_data(taken)
                if data["id"] in taken:
                    raise EditRefused(f"objective id '{data['id']}' already exists in {path.name}", hint="choose another title or id")
                taken.add(data["id"])
                text = append_objective(text, data)
            created = False
        else:
            before = ""
            taken: set[str] = set()
            objectives = []
            for draft in drafts:
                data = draft.as_data(taken)
                taken.add(data["id"])
                objectives.append(data)
            text = render_new_file(team, period, lead, objectives, schema_modeline(path, repo_dir, settings.schema_url))
            created = True
        validate_text(path, okr_root, text)
        check_alignment(okr_root, period, drafts)
        if not dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
    return path, created, before, text


def alignment_exists(okr_root: Path, period: str, reference: str) -> bool:
    """Whether ``reference`` names an objective (or key result) that exists, reading only its file."""
    from okrcli.model.references import parse_reference

    ref = parse_reference(reference)
    for suffix in (".yaml", ".yml"):
        path = okr_root / (ref.period or period) / f"{ref.team}{suffix}"
        if path.is_file():
            team_file = load_file(path, okr_root).team_file
            if team_file is None:
                return False
            for objective in team_file.okr.objectives:
                if objective.id == ref.objective:
                    return ref.key_result is None or any(k.id == ref.key_result for k in objective.key_results)
    return False


def check_alignment(okr_root: Path, period: str, drafts: list["DraftObjective"]) -> None:
    for draft in drafts:
        if draft.aligns_to and not alignment_exists(okr_root, period, draft.aligns_to):
            raise EditRefused(
                f"'{draft.title}' aligns to '{draft.aligns_to}', which does not exist in {period}",
                hint="check the reference (team/objective), or draft the objective it supports first",
            )


def retitle(title: str, new_baseline: float) -> str:
    """Replace the X of "from X to Y" in a title with a new baseline, keeping its decoration."""
    from okrcli.language.sentences import FROM_TO

    match = FROM_TO.search(title)
    if not match:
        return title
    mult = (match["amult"] or "").lower()
    divisor = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}.get(mult, 1)
    shown = round(new_baseline / divisor, 2)
    text = f"{int(shown):,}" if float(shown).is_integer() else f"{shown:,}".rstrip("0").rstrip(".")
    start, end = match.start("anum"), match.end("anum")
    return title[:start] + text + title[end:]


def render_new_file(team: str, period: str, lead: str | None, objectives: list[dict], modeline: str) -> str:
    data: dict = {"team": team, "period": period}
    if lead:
        data["lead"] = lead
    data["objectives"] = objectives
    return modeline + "# Drafted with `okr draft`; check it with `okr validate` and `okr lint`.\n" + dump_yaml(data)


def append_objective(text: str, objective: dict) -> str:
    """``text`` with ``objective`` added after its last objective, in the file's own style."""
    root = geometry(text)
    if root is None or root.kind != "map":
        raise EditRefused("the file does not parse; fix it first (okr validate)")
    objectives = root.get("objectives")
    key = root.key_of("objectives")
    if objectives is None or objectives.kind != "seq" or objectives.flow or not objectives.items:
        raise EditRefused("the file's objectives are not a block list; add the objective by hand")
    newline = "\r\n" if "\r\n" in text else "\n"
    first = objectives.items[0]
    dash = dash_column(text, first)
    dash_offset = dash - (key.column - 1)
    key_offset = (first.column - 1) - dash
    rendered = dump_yaml([objective], sequence_dash=max(dash_offset, 0), key_after_dash=max(key_offset, 2))
    shift = dash - max(dash_offset, 0)
    lines = [(" " * shift + line) if line.strip() else line for line in rendered.splitlines()]
    block = newline.join(lines) + newline
    last = objectives.items[-1]
    pos = line_end_after(text, last.last_end())
    between = text[objectives.items[-2].last_end(): last.start] if len(objectives.items) > 1 else ""
    if re.search(r"\n[ \t]*\r?\n", between):
        block = newline + block  # the file separates objectives with a blank line
    return insert_lines(text, pos, block, newline)


def validate_text(path: Path, okr_root: Path, text: str) -> None:
    """Refuse (EditRefused) if ``text`` would not validate as an OKR file."""
    result = load_file(path, okr_root, raw=text.encode("utf-8"))
    if result.team_file is None or has_errors(result.diagnostics):
        problems = "; ".join(f"line {d.line}: {d.message}" for d in result.diagnostics if d.severity.value == "error")
        raise EditRefused(f"the draft would not validate: {problems}", hint="fix the key results and try again; nothing was written")


def carry_over(team_file, as_of: date, settings, next_period: str | None = None) -> list[DraftObjective]:
    """Objectives of a finished (or current) period that did not reach their bar, with baselines moved to the latest values."""
    from okrcli.scoring.scores import score_objective
    from okrcli.scoring.statuses import ON_TRACK_BARS

    drafts = []
    for objective in team_file.okr.objectives:
        result = score_objective(objective, team_file, as_of, settings)
        if result.score >= ON_TRACK_BARS[objective.type]:
            continue
        pairs = [(kr, k) for kr, k in zip(objective.key_results, result.key_results) if k.score < 1.0]
        if len(pairs) < 2:  # keep the objective valid: bring back the completed ones too
            pairs = list(zip(objective.key_results, result.key_results))
        krs = []
        for kr, k in pairs:
            baseline = k.current if k.current != kr.target else kr.baseline
            krs.append(DraftKeyResult(retitle(kr.title, baseline), baseline, kr.target, kr.unit, kr.id))
        notes = f"Carried over from {team_file.okr.period} (scored {result.score:.2f}); baselines are the latest values."
        aligns_to = objective.aligns_to
        okr_root = team_file.path.parent.parent
        if aligns_to and next_period and not alignment_exists(okr_root, next_period, aligns_to):
            notes += f" It aligned to {aligns_to} in {team_file.okr.period}."
            aligns_to = None
        drafts.append(DraftObjective(objective.title, objective.type, krs, objective.owner, objective.id, aligns_to, notes=notes))
    return drafts
