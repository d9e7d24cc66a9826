"""okr draft: write new OKRs with a guided flow that pushes toward outcome key results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


def _check_text(given: list[tuple[str, str | None]]) -> None:
    """Refuse (exit 2) option values okr would never write into a file: control characters."""
    from okrcli.cli.common import fail
    from okrcli.model.text import text_to_write

    try:
        for option, text in given:
            if text is not None:
                text_to_write(text, option)
    except ValueError as exc:
        fail(str(exc), hint="remove it and run again")


def _write(repo_dir, settings, team, period, drafts, lead, dry_run: bool, prompted: bool):
    """Write the drafts; when okr refuses what was typed at the prompts, print it first so nothing is lost."""
    from okrcli.model.errors import OkrError
    from okrcli.usecases.draft_write import write_draft

    try:
        return write_draft(repo_dir, settings, team, period, drafts, lead, dry_run=dry_run)
    except OkrError:
        if prompted:
            from okrcli.cli.draft_prompt import keep

            keep(team, period, drafts, "The draft could not be written")
        raise


def draft(
    ctx: typer.Context,
    team: Annotated[Optional[str], typer.Option(metavar="TEAM", help="Team slug (asked for when missing).", show_default=False)] = None,
    period: Annotated[
        Optional[str], typer.Option(metavar="PERIOD", help="Period, e.g. 2027-Q1 (default: this quarter).", show_default=False)
    ] = None,
    objective: Annotated[
        Optional[str], typer.Option(metavar="TITLE", help="Objective title (non-interactive).", show_default=False)
    ] = None,
    objective_type: Annotated[
        Optional[str], typer.Option("--type", metavar="[committed|aspirational]", help="The objective's type.", show_default=False)
    ] = None,
    kr: Annotated[
        Optional[list[str]],
        typer.Option(
            "--kr", metavar="SENTENCE", help='Key result as a sentence, repeatable: --kr "Reduce close from 7 to 4 days".', show_default=False
        ),
    ] = None,
    owner: Annotated[Optional[str], typer.Option(metavar="NAME", help="Owner of the objective.", show_default=False)] = None,
    aligns_to: Annotated[
        Optional[str], typer.Option("--aligns-to", metavar="REF", help="team/objective this supports.", show_default=False)
    ] = None,
    from_file: Annotated[
        Optional[Path],
        typer.Option(
            "--from", metavar="FILE", help="A Markdown list: objectives as top-level items, key results nested under them.", show_default=False
        ),
    ] = None,
    carry_over: Annotated[bool, typer.Option("--carry-over", help="Start from the objectives of --from-period that missed their bar.")] = False,
    from_period: Annotated[
        Optional[str], typer.Option("--from-period", metavar="PERIOD", help="With --carry-over: the period to carry from.", show_default=False)
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be written; write nothing.")] = False,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt; fail when something is missing.")] = False,
    repo: RepoOption = None,
) -> int:
    """Draft new OKRs: an objective, its type and 2-5 outcome key results.

    Key results are written as sentences; okr reads baseline, target and unit from
    them ("Reduce month-end close from 7 days to 4 days" -> 7 -> 4 days) and asks for
    a baseline when the sentence has none. Task-style key results ("Launch...",
    "Conduct 40 interviews"), numbers in the objective and too few or too many key
    results are pointed out as you type, with a suggested rewrite.

    Writes okrs/PERIOD/TEAM.yaml, or adds the objective to that file without
    touching what is already there. Nothing is written that would not validate.

    Examples:

      okr draft                                   (interactive)

      okr draft --team finance --period 2027-Q1 --objective "Close the books fast enough to steer by them" --type committed --kr "Reduce month-end close from 7 days to 4 days" --kr "Cut unreconciled items from 120 to 30"

      okr draft --team finance --period 2027-Q1 --from plan.md

      okr draft --team finance --carry-over --from-period 2026-Q4 --period 2027-Q1
    """
    from datetime import date

    from okrcli.cli.common import err, fail, out, start_dir
    from okrcli.cli.draft_flow import drafts_from_flags, drafts_from_outline
    from okrcli.cli.draft_prompt import interactive
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings
    from okrcli.usecases.draft_feedback import DraftAdvice
    from okrcli.model.periods import is_period_name, next_period, period_hint, quarter_of
    from okrcli.model.references import SLUG_PATTERN

    import re

    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    today = date.today()
    for name, value in (("--period", period), ("--from-period", from_period)):
        if value is not None and not is_period_name(value):
            fail(f"{name} {value!r} is not a period okr can use", hint=period_hint(value))
    if objective_type is not None and objective_type not in ("committed", "aspirational"):
        fail(f"--type {objective_type!r} must be committed or aspirational")
    if team is not None and not re.match(SLUG_PATTERN, team):
        fail(f"--team {team!r} is not a slug", hint="lowercase letters, digits and hyphens, e.g. finance-ops")
    _check_text([("--objective", objective), ("--owner", owner), ("--aligns-to", aligns_to)] + [("--kr", k) for k in kr or []])

    advice = DraftAdvice(settings)
    prompted = False
    if carry_over:
        from okrcli.usecases.carry_over import carry_over_drafts

        if not (team and from_period):
            fail("--carry-over needs --team and --from-period", hint="okr draft --team finance --carry-over --from-period 2026-Q4")
        period = period or next_period(from_period)
        if not is_period_name(period):
            fail(f"the period after {from_period} is {period}, which okr cannot use", hint=period_hint(period))
        drafts = carry_over_drafts(repo_dir, settings, team, from_period, today, period)
        if not drafts:
            fail(f"every objective of {team} in {from_period} reached its bar; nothing to carry over", code=1)
        lead = None
    elif from_file is not None:
        if not team:
            fail("--from needs --team")
        from okrcli.cli.common import given_path

        from_file = given_path(ctx, from_file, repo)
        try:
            raw = from_file.read_bytes()
            outline = raw.decode("utf-8-sig")
        except OSError as exc:
            fail(f"--from {from_file}: {exc.strerror}")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            fail(f"--from {from_file}:{line}:{column}: not UTF-8 text (byte 0x{raw[exc.start]:02X})",
                 hint="save the outline as UTF-8 (e.g. iconv -f latin1 -t utf-8), then run again")
        drafts = drafts_from_outline(outline, objective_type, owner, from_file, advice)
        lead = owner
    elif objective is not None or kr:
        if not (team and objective and objective_type and kr):
            fail("non-interactive drafting needs --team, --objective, --type and at least two --kr")
        drafts = drafts_from_flags(objective, objective_type, kr, owner, aligns_to, advice)
        lead = owner
    else:
        if no_input:
            fail("nothing to draft: give --objective/--kr, --from FILE or --carry-over (or drop --no-input)")
        from okrcli.usecases.draft_write import existing_objectives

        team, period, drafts, lead = interactive(
            team, period, quarter_of(today), owner, advice, lambda t, p: existing_objectives(repo_dir, settings, t, p)
        )
        if not drafts:
            err("nothing drafted; nothing written")
            return 1
        prompted = True
    period = period or quarter_of(today)
    written = _write(repo_dir, settings, team, period, drafts, lead, dry_run, prompted)
    if dry_run:
        out(written.diff().rstrip("\n"))
        err("dry run: nothing was written")
        return 0
    from okrcli.model.diagnostics import display_path

    verb = "created" if written.created else "added to"
    out(f"{verb} {display_path(written.path, Path.cwd())}: {len(drafts)} objective{'s' if len(drafts) != 1 else ''}")
    out("next: okr validate && okr lint")
    return 0

