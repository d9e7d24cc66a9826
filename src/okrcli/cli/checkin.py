"""okr checkin: record this week's values, confidence and a note, and optionally commit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import CommitOption, DryRunOption, IncludeDirtyOption, RepoOption
from okrcli.cli.refs import complete_ref


def checkin(
    ctx: typer.Context,
    ref: Annotated[
        Optional[str],
        typer.Argument(
            metavar="REF",
            help="team/objective/kr or team/guardrail (`okr refs` lists them); a unique shorter form "
            "(objective/kr, kr) works too. Without --value it is a prefix selecting what to walk through.",
            show_default=False,
            autocompletion=complete_ref,
        ),
    ] = None,
    value: Annotated[
        Optional[str], typer.Option(metavar="VALUE", help="New value: 5.5, 12%, 1,200, 1.2k, $2M, 38 min.", show_default=False)
    ] = None,
    confidence: Annotated[
        Optional[str], typer.Option(metavar="C", help="Your belief the target will be hit: 0.6 or 60%.", show_default=False)
    ] = None,
    note: Annotated[Optional[str], typer.Option(metavar="TEXT", help="A short note: what moved the number.", show_default=False)] = None,
    day: Annotated[
        Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the check-in (default: today).", show_default=False)
    ] = None,
    by: Annotated[Optional[str], typer.Option(metavar="NAME", help="Who is checking in.", show_default=False)] = None,
    period: Annotated[
        Optional[str], typer.Option(metavar="PERIOD", help="Period (default: the one containing the date).", show_default=False)
    ] = None,
    team: Annotated[Optional[str], typer.Option(metavar="TEAM", help="Interactive: only this team's key results.", show_default=False)] = None,
    owner: Annotated[
        Optional[str], typer.Option(metavar="NAME", help="Interactive: only key results this person owns.", show_default=False)
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Change a check-in already recorded for that date; what you do not give again is kept."),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --replace: write over an existing note or name without asking.")
    ] = False,
    commit: CommitOption = None,
    include_dirty: IncludeDirtyOption = False,
    dry_run: DryRunOption = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt; fail if --value is missing.")] = False,
    repo: RepoOption = None,
) -> int:
    """Record a check-in: a new value, your confidence and a note, written into the YAML file.

    With --value, records one check-in for REF. Without it, walks through the
    matching key results one at a time (Enter skips one) and asks to confirm
    before writing. Only the new lines are added: comments, order, quoting and
    line endings of the file stay exactly as they were.

    Examples:

      okr checkin finance/faster-close/close-time --value 5.5 --confidence 0.7 --note "Nov close"

      okr checkin close-time --value "5.5 days" --commit

      okr checkin --team finance          (interactive)

      okr checkin sales --dry-run
    """
    from okrcli.cli.common import fail, parse_day, start_dir
    from okrcli.model.numbers import parse_confidence, parse_number
    from okrcli.model.text import text_to_write
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings
    from okrcli.usecases.checkin import find_metrics, only_match, period_label
    from okrcli.yamlio.splice import NewCheckIn

    when = parse_day(day, "--date")
    try:  # before anything is read: okr never writes a control character into a file
        note = text_to_write(note, "--note", multiline=True) if note is not None else None
        by = text_to_write(by, "--by") if by is not None else None
    except ValueError as exc:
        fail(str(exc), hint="remove it and run again")
    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    do_commit = settings.checkin.commit if commit is None else commit

    if value is None and no_input:
        fail("--value is required with --no-input", hint="okr checkin REF --value 5.5 [--confidence 0.6]")
    if value is not None:
        if not ref:
            fail("REF is required with --value", hint="okr checkin team/objective/kr --value 5.5")
        metrics = find_metrics(repo_dir, settings, ref, when, period=period, team=team, owner=owner)
        metric = only_match(metrics, ref, period_label(period, when))
        try:
            number = parse_number(value, metric.unit)
            belief = parse_confidence(confidence) if confidence is not None else None
        except ValueError as exc:
            fail(str(exc))
        entries = [(metric, NewCheckIn(when, number, belief, note, by))]
    else:
        from okrcli.cli.checkin_prompt import walk

        metrics = find_metrics(repo_dir, settings, ref, when, period=period, team=team, owner=owner, prefix=True)
        if not metrics:
            fail(
                f"nothing to check in for {ref or 'this selection'} in {period_label(period, when)}",
                hint="`okr refs` lists what the period has; check --team/--owner/--period, or give a prefix such as finance",
            )
        entries = walk(metrics, when, by, note, replace)
        if entries is None:
            return 1
        if not entries:
            sys.stderr.write("nothing entered; nothing written\n")
            return 0
    if dry_run:
        return _show_preview(repo_dir, settings, entries, replace)
    if replace and value is not None and not _replace_confirmed(entries, yes):
        return 1
    return _record(repo_dir, settings, entries, replace=replace, commit=do_commit, include_dirty=include_dirty)


def _replace_confirmed(entries, yes: bool) -> bool:
    """Show what --replace changes; ask before words are dropped (refuse without a terminal or --yes)."""
    from okrcli.cli.common import fail
    from okrcli.cli.prompt import InputEnded, at_terminal, confirm, input_ended, say
    from okrcli.usecases.checkin_replace import replacements

    found = replacements(entries)
    dropped = [d for r in found for d in r.dropped()]
    if not dropped or yes:
        return True
    if not at_terminal():
        fail(
            f"--replace would drop {' and '.join(dropped)} of {found[0].metric.ref} on {found[0].new.date}",
            hint="pass --yes to write over it, or leave out --note/--by to keep what is there",
        )
    for replacement in found:
        say(f"replacing {replacement.describe()}")
        for words in replacement.dropped():
            say(f"  this drops {words}")
    try:
        if confirm("Replace it?"):
            return True
    except InputEnded:
        input_ended()
    say("Nothing written.")
    return False


def _show_preview(repo_dir, settings, entries, replace: bool) -> int:
    from okrcli.cli.common import err, out
    from okrcli.model.diagnostics import display_path
    from okrcli.usecases.checkin_write import preview_checkins

    for change in preview_checkins(repo_dir, settings, entries, replace):
        out(change.diff(display_path(change.path, Path.cwd())).rstrip("\n"))
    err("dry run: nothing was written")
    return 0


def _record(repo_dir, settings, entries, *, replace: bool, commit: bool, include_dirty: bool) -> int:
    from okrcli.cli.common import err, out
    from okrcli.model.diagnostics import display_path
    from okrcli.model.numbers import describe_checkin
    from okrcli.usecases.checkin_replace import replacements
    from okrcli.usecases.checkin_write import RecordedFile, record_checkins

    base = Path.cwd()

    replaced = {(r.metric.ref, r.new.date): r for r in replacements(entries)} if replace else {}

    def show(recorded: RecordedFile) -> None:
        change = recorded.change
        for metric, new in change.entries:
            replacement = replaced.get((metric.ref, new.date))
            if replacement is not None:
                out(f"replaced {replacement.describe()} -> {display_path(change.path, base)}")
                continue
            out(f"{metric.ref}: {describe_checkin(new.value, metric.unit, new.date, new.confidence)} -> {display_path(change.path, base)}")
        if recorded.commit_sha is not None:
            out(f"committed {recorded.commit_sha[:10]}: okr: check-in {change.team} {change.period}")

    result = record_checkins(
        repo_dir, settings, entries, replace=replace, commit=commit, include_dirty=include_dirty, display_base=base, on_recorded=show
    )
    if result.not_committed:
        out(result.not_committed)
    if result.on_no_branch:
        err(f"okr: warning: {result.on_no_branch}")
    return 0
