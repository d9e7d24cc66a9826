"""The interactive ``okr draft``: questions, feedback as each line is typed, and no lost work.

What was given as an option (--team, --period, --owner) is not asked again. A wrong answer
(a period okr cannot use, a target that is not a number, text with a control character)
is said and asked again, never the end of the draft. An objective already in the team's
file is pointed out at its title. ``Write? [Y/n]`` writes on Enter; answering no, or input
ending (Ctrl-D) anywhere, prints what was typed as YAML to keep, and writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrcli.cli.prompt import InputEnded, answer, confirm, input_ended, say


@dataclass
class Session:
    """What has been typed so far: kept whole so that nothing typed is ever lost in silence."""

    team: str | None
    period: str | None
    owner: str | None
    existing: object
    """``(team, period) -> (path, {title: id})``: the objectives already in the team's file."""
    drafts: list = field(default_factory=list)
    current: object | None = None
    """The objective being typed, with the key results so far."""

    def typed(self) -> list:
        return self.drafts + ([self.current] if self.current is not None and self.current.key_results else [])


def interactive(team: str | None, period: str | None, default_period: str, owner: str | None, advice, existing):
    """Ask for objectives and key results; returns (team, period, drafts, lead); drafts empty when declined."""
    session = Session(team, period, owner, existing)
    say("Drafting OKRs. An objective says what should change; key results prove it did.")
    try:
        _ask_where(session, default_period)
        _ask_objectives(session, advice)
        if session.drafts and not _confirmed(session):
            return session.team, session.period, [], owner
    except InputEnded:
        keep(session.team, session.period, session.typed(), "Input ended before the draft was written")
        input_ended()
    return session.team, session.period, session.drafts, owner


def keep(team: str | None, period: str | None, drafts: list, why: str) -> None:
    """Print the typed drafts as YAML, so that ``why`` (input ended, a refusal) loses nothing."""
    from okrcli.usecases.draft_write import drafts_as_yaml

    if not drafts:
        return
    say(f"\n{why}. What you typed, to keep (or paste into a team file):\n")
    say(drafts_as_yaml(team or "TEAM", period or "PERIOD", drafts).rstrip("\n"))


def _ask_where(session: Session, default_period: str) -> None:
    from okrcli.model.periods import period_problem
    from okrcli.model.references import SLUG_PATTERN

    while not session.team:
        text = answer("Team (slug, e.g. finance-ops): ")
        if re.match(SLUG_PATTERN, text):
            session.team = text
        else:
            say("  use lowercase letters, digits and hyphens")
    while not session.period:
        text = answer(f"Period [{default_period}]: ") or default_period
        problem = period_problem(text)
        if problem:
            say(f"  {problem}")
        else:
            session.period = text


def _text(prompt: str, what: str) -> str:
    """An answer without control characters, asked again until it has none."""
    from okrcli.model.text import text_to_write

    while True:
        try:
            return text_to_write(answer(prompt), what)
        except ValueError as exc:
            say(f"  {exc}")


def _ask_objectives(session: Session, advice) -> None:
    from okrcli.usecases.draft import DraftObjective

    while True:
        title = _ask_title(session, advice)
        if not title:
            return
        kind = None
        while kind is None:
            text = (answer("Type, [a]spirational or [c]ommitted [a]: ") or "a").lower()
            kind = {"a": "aspirational", "aspirational": "aspirational", "c": "committed", "committed": "committed"}.get(text)
        session.current = DraftObjective(title, kind, [], session.owner)
        _ask_key_results(session.current, advice)
        session.current.owner = _text(f"Owner{f' [{session.owner}]' if session.owner else ''}: ", "the owner") or session.owner
        session.drafts.append(session.current)
        session.current = None
        if not confirm("Another objective?"):
            return


def _ask_title(session: Session, advice) -> str:
    """The next objective's title ("" to finish), checked against the file and this session."""
    from okrcli.usecases.draft_write import same_title

    path, in_file = session.existing(session.team, session.period)
    while True:
        title = _text("\nObjective (qualitative, memorable, no numbers; Enter to finish): ", "the objective")
        if not title:
            return ""
        feedback = advice.objective(title)
        if feedback:
            show(feedback)
            better = _text("  Rewrite it (Enter keeps it): ", "the objective")
            if better:
                title = better
                show(advice.objective(title))
        key = same_title(title)
        if key in in_file:
            say(f"  {path.name} already has this objective (as '{in_file[key]}'); type another, or Enter to finish")
        elif any(same_title(d.title) == key for d in session.drafts):
            say("  you drafted this objective already; type another, or Enter to finish")
        else:
            return title


def _ask_key_results(objective, advice) -> None:
    from okrcli.model.numbers import render_number
    from okrcli.usecases.draft import DraftKeyResult

    krs = objective.key_results
    while len(krs) < 5:
        sentence = _text(f"Key result {len(krs) + 1} (e.g. 'Reduce close from 7 days to 4 days'; Enter to finish): ", "the key result")
        if not sentence:
            if len(krs) >= 2:
                return
            show(advice.count(len(krs)))
            continue
        parsed = _numbers(sentence, advice)
        if parsed is None:
            continue
        unit = f" {parsed.unit}" if parsed.unit else ""
        say(f"  -> baseline {render_number(parsed.baseline)}, target {render_number(parsed.target)}{unit}")
        krs.append(DraftKeyResult(parsed.title, parsed.baseline, parsed.target, parsed.unit))


def _numbers(sentence: str, advice):
    """The sentence's key result with baseline and target, asking for what it lacks; None to drop it."""
    from dataclasses import replace

    from okrcli.language.sentences import complete, parse_key_result

    parsed = parse_key_result(sentence)
    feedback = advice.key_result(parsed)
    if feedback:
        show(feedback)
        if not confirm("  Keep it anyway?"):
            return None
    if parsed.baseline is None:
        baseline, percent = _number("  Baseline (where the metric is today): ", parsed.unit)
        parsed = complete(parsed, baseline)
        if parsed.unit is None and percent:
            parsed = replace(parsed, unit="%")
    if parsed.target is None:
        parsed = replace(parsed, target=_number("  Target: ", parsed.unit)[0])
    if parsed.target == parsed.baseline:
        say("  baseline and target are the same: nothing would move; type the key result again")
        return None
    return parsed


def _number(prompt: str, unit: str | None) -> tuple[float, bool]:
    """(the number typed, whether it was a percentage), asked again until it is a number."""
    from okrcli.model.numbers import parse_number

    while True:
        text = answer(prompt)
        try:
            return parse_number(text, unit), text.endswith("%")
        except ValueError as exc:
            say(f"  {exc}")


def _confirmed(session: Session) -> bool:
    from okrcli.model.numbers import render_number

    say("\nAbout to write:")
    for draft in session.drafts:
        say(f"  {draft.type}: {draft.title}")
        for kr in draft.key_results:
            unit = " " + kr.unit if kr.unit else ""
            say(f"    - {kr.title}  ({render_number(kr.baseline)} -> {render_number(kr.target)}{unit})")
    if confirm("Write?", default=True):
        return True
    say("Nothing written.")
    keep(session.team, session.period, session.drafts, "You chose not to write the draft")
    return False


def show(feedback) -> None:
    """Print draft feedback: the rule, what is wrong, and a suggested rewrite."""
    for item in feedback:
        say(f"  ! {item.rule}: {item.message}")
        say(f"    try: {item.suggestion}")
