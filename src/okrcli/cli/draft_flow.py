"""Turning flags and outlines into draft objectives, with feedback as they are read (prompts: draft_prompt.py)."""

from __future__ import annotations

from pathlib import Path

from okrcli.cli.common import err, fail


def _report_feedback(advice, objective_title: str, parsed_krs: list, where: str) -> None:
    found = advice.objective(objective_title) + advice.count(len(parsed_krs))
    for parsed in parsed_krs:
        found += advice.key_result(parsed)
    for item in found:
        err(f"okr: {item.severity}: {where}: {item.rule}: {item.message}")
        err(f"  try: {item.suggestion}")


def drafts_from_flags(objective: str, kind: str, sentences: list[str], owner: str | None, aligns_to: str | None, advice):
    """The objective given by --objective, --type and --kr, after printing the feedback on it."""
    from okrcli.usecases.draft import DraftObjective, key_result_from_sentence

    pairs = [key_result_from_sentence(s, f"--kr {n}", advice) for n, s in enumerate(sentences, start=1)]
    _report_feedback(advice, objective, [p for _, p in pairs], "draft")
    return [DraftObjective(objective, kind, [k for k, _ in pairs], owner, aligns_to=aligns_to)]


def drafts_from_outline(text: str, default_type: str | None, owner: str | None, source: Path, advice):
    """The objectives of a Markdown outline, printing the feedback on each as it is read."""
    from okrcli.model.text import text_to_write
    from okrcli.usecases.draft import DraftObjective, key_result_from_sentence, parse_outline

    outline = parse_outline(text)
    if not outline:
        fail(f"{source}: no list items found", hint="write objectives as '- Objective' with key results as nested '  - Reduce X from 7 to 4'")
    drafts = []
    for number, (title, kind, sentences) in enumerate(outline, start=1):
        kind = kind or default_type
        if kind is None:
            fail(f"{source}: objective {number} ({title!r}) has no type", hint="end its line with (committed) or (aspirational), or pass --type")
        try:
            for text in (title, *sentences):
                text_to_write(text, f"{source}: objective {number}")
        except ValueError as exc:
            fail(str(exc), hint="remove it from the outline and run again")
        pairs = [key_result_from_sentence(s, f"{source}: objective {number}", advice) for s in sentences]
        _report_feedback(advice, title, [p for _, p in pairs], f"{source}: objective {number}")
        drafts.append(DraftObjective(title, kind, [k for k, _ in pairs], owner))
    return drafts
