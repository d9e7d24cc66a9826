"""okr checkin: record this week's values, confidence and a note, and optionally commit."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


def checkin(
    ctx: typer.Context,
    ref: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[REF]",
            help="team/objective/kr or team/guardrail; a unique shorter form (objective/kr, kr) works too. "
            "Without --value it is a prefix selecting what to walk through.",
            show_default=False,
        ),
    ] = None,
    value: Annotated[Optional[str], typer.Option(help="New value: 5.5, 12%, 1,200, 1.2k, $2M.", show_default=False)] = None,
    confidence: Annotated[
        Optional[str], typer.Option(help="Your belief the target will be hit: 0.6 or 60%.", show_default=False)
    ] = None,
    note: Annotated[Optional[str], typer.Option(help="A short note: what moved the number.", show_default=False)] = None,
    day: Annotated[
        Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the check-in (default: today).", show_default=False)
    ] = None,
    by: Annotated[Optional[str], typer.Option(help="Who is checking in.", show_default=False)] = None,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing the date).", show_default=False)] = None,
    team: Annotated[Optional[str], typer.Option(help="Interactive: only this team's key results.", show_default=False)] = None,
    owner: Annotated[Optional[str], typer.Option(help="Interactive: only key results this person owns.", show_default=False)] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite a check-in already recorded for that date.")] = False,
    commit: Annotated[
        Optional[bool],
        typer.Option("--commit/--no-commit", help="Commit the changed file with git (default: okr.toml [checkin] commit).", show_default=False),
    ] = None,
    include_dirty: Annotated[
        bool, typer.Option("--include-dirty", help="Commit even if the file already had uncommitted changes.")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the diff that would be written; write nothing.")] = False,
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
    from okrcli.usecases.checkin import find_targets, period_label, resolve_one
    from okrcli.cli.common import fail, parse_day, start_dir
    from okrcli.repo.config import find_repository, load_settings
    from okrcli.yamlio.splice import NewCheckIn
    from okrcli.model.numbers import parse_confidence, parse_number

    when = parse_day(day, "--date")
    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    do_commit = settings.checkin.commit if commit is None else commit

    if value is None and no_input:
        fail("--value is required with --no-input", hint="okr checkin REF --value 5.5 [--confidence 0.6]")
    if value is not None:
        if not ref:
            fail("REF is required with --value", hint="okr checkin team/objective/kr --value 5.5")
        targets = find_targets(repo_dir, settings, ref, when, period=period, team=team, owner=owner)
        target = resolve_one(targets, ref, period_label(period, when))
        try:
            number = parse_number(value, target.unit)
            belief = parse_confidence(confidence) if confidence is not None else None
        except ValueError as exc:
            fail(str(exc))
        entries = [(target, NewCheckIn(when, number, belief, note, by))]
    else:
        from okrcli.cli.checkin_prompt import walk

        targets = find_targets(repo_dir, settings, ref, when, period=period, team=team, owner=owner, prefix=True)
        if not targets:
            fail(
                f"nothing to check in for {ref or 'this selection'} in {period_label(period, when)}",
                hint="check --team/--owner/--period, or give a reference prefix such as finance/faster-close",
            )
        entries = walk(targets, when, by, note)
        if entries is None:
            return 1
        if not entries:
            sys.stderr.write("nothing entered; nothing written\n")
            return 0
    from okrcli.cli.checkin_apply import apply

    return apply(repo_dir, settings, entries, replace=replace, dry_run=dry_run, commit=do_commit, include_dirty=include_dirty)
