"""Turning flags, outlines and prompts into draft objectives, with feedback as they are read."""

from __future__ import annotations

from pathlib import Path

from okrcli.cli.common import err, fail
from okrcli.cli.prompt import ask, say


def _show(feedback) -> None:
    for item in feedback:
        say(f"  ! {item.rule}: {item.message}")
        say(f"    try: {item.suggestion}")


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
    from okrcli.usecases.draft import DraftObjective, key_result_from_sentence, parse_outline

    outline = parse_outline(text)
    if not outline:
        fail(f"{source}: no list items found", hint="write objectives as '- Objective' with key results as nested '  - Reduce X from 7 to 4'")
    drafts = []
    for number, (title, kind, sentences) in enumerate(outline, start=1):
        kind = kind or default_type
        if kind is None:
            fail(f"{source}: objective {number} ({title!r}) has no type", hint="end its line with (committed) or (aspirational), or pass --type")
        pairs = [key_result_from_sentence(s, f"{source}: objective {number}", advice) for s in sentences]
        _report_feedback(advice, title, [p for _, p in pairs], f"{source}: objective {number}")
        drafts.append(DraftObjective(title, kind, [k for k, _ in pairs], owner))
    return drafts


def interactive(team: str | None, period: str, owner: str | None, advice):
    """Ask for objectives and key results, giving feedback on each line as it is typed."""
    from okrcli.usecases.draft import DraftKeyResult, DraftObjective
    from okrcli.model.periods import is_period_name, period_hint
    from okrcli.model.references import SLUG_PATTERN
    from okrcli.language.sentences import complete, parse_key_result
    from okrcli.model.numbers import parse_number, render_number

    import re

    say("Drafting OKRs. An objective says what should change; key results prove it did.")
    while not team:
        answer = ask("Team (slug, e.g. finance-ops): ")
        if answer is None:
            return team, period, [], owner
        if re.match(SLUG_PATTERN, answer):
            team = answer
        else:
            say("  use lowercase letters, digits and hyphens")
    answer = ask(f"Period [{period}]: ")
    if answer:
        if not is_period_name(answer):
            fail(f"{answer!r} is not a period okr can use", hint=period_hint(answer))
        period = answer
    drafts = []
    while True:
        title = ask("\nObjective (qualitative, memorable, no numbers): ")
        if not title:
            break
        feedback = advice.objective(title)
        if feedback:
            _show(feedback)
            better = ask("  Rewrite it (Enter keeps it): ")
            if better:
                title = better
                _show(advice.objective(title))
        kind = None
        while kind is None:
            answer = (ask("Type, [a]spirational or [c]ommitted [a]: ") or "a").lower()
            kind = {"a": "aspirational", "aspirational": "aspirational", "c": "committed", "committed": "committed"}.get(answer)
        krs = []
        while len(krs) < 5:
            sentence = ask(f"Key result {len(krs) + 1} (e.g. 'Reduce close from 7 days to 4 days'; Enter to finish): ")
            if not sentence:
                if len(krs) >= 2:
                    break
                _show(advice.count(len(krs)))
                if sentence is None:
                    return team, period, drafts, owner
                continue
            parsed = parse_key_result(sentence)
            feedback = advice.key_result(parsed)
            if feedback:
                _show(feedback)
                if (ask("  Keep it anyway? [y/N] ") or "n").lower() not in ("y", "yes"):
                    continue
            if parsed.baseline is None:
                while True:
                    answer = ask("  Baseline (where the metric is today): ")
                    if answer is None:
                        return team, period, drafts, owner
                    try:
                        parsed = complete(parsed, parse_number(answer, parsed.unit))
                        if parsed.unit is None and answer.endswith("%"):
                            parsed = type(parsed)(**{**parsed.__dict__, "unit": "%"})
                        break
                    except ValueError as exc:
                        say(f"  {exc}")
            if parsed.target is None:
                answer = ask("  Target: ")
                try:
                    parsed = complete(parsed, parsed.baseline) if answer is None else type(parsed)(**{**parsed.__dict__, "target": parse_number(answer, parsed.unit)})
                except ValueError as exc:
                    say(f"  {exc}")
                    continue
            if parsed.target == parsed.baseline:
                say("  baseline and target are the same: nothing would move")
                continue
            unit = f" {parsed.unit}" if parsed.unit else ""
            say(f"  -> baseline {render_number(parsed.baseline)}, target {render_number(parsed.target)}{unit}")
            krs.append(DraftKeyResult(parsed.title, parsed.baseline, parsed.target, parsed.unit))
        who = ask(f"Owner{f' [{owner}]' if owner else ''}: ") or owner
        drafts.append(DraftObjective(title, kind, krs, who))
        if (ask("Another objective? [y/N] ") or "n").lower() not in ("y", "yes"):
            break
    if drafts:
        say("\nAbout to write:")
        for d in drafts:
            say(f"  {d.type}: {d.title}")
            for k in d.key_results:
                say(f"    - {k.title}  ({render_number(k.baseline)} -> {render_number(k.target)}{' ' + k.unit if k.unit else ''})")
        if (ask("Write? [y/N] ") or "n").lower() not in ("y", "yes"):
            say("Nothing written.")
            return team, period, [], owner
    return team, period, drafts, owner
