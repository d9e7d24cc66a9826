"""okr rebaseline: change a key result's baseline or target on purpose, with the reason in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import CommitOption, DryRunOption, IncludeDirtyOption, RepoOption


def rebaseline(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help="team/objective/kr; a unique shorter form (objective/kr, kr) works too.",
            show_default=False,
        ),
    ],
    target: Annotated[Optional[str], typer.Option(help="The new target: 4.5, 12%, 1.2k.", show_default=False)] = None,
    baseline: Annotated[Optional[str], typer.Option(help="The new baseline.", show_default=False)] = None,
    reason: Annotated[Optional[str], typer.Option(help="Why the value changes (required; kept in the file).", show_default=False)] = None,
    day: Annotated[
        Optional[str],
        typer.Option("--date", metavar="YYYY-MM-DD", help="The day the new value takes effect (default: today).", show_default=False),
    ] = None,
    by: Annotated[Optional[str], typer.Option(help="Who decided the change.", show_default=False)] = None,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing the date).", show_default=False)] = None,
    commit: CommitOption = None,
    include_dirty: IncludeDirtyOption = False,
    dry_run: DryRunOption = False,
    repo: RepoOption = None,
) -> int:
    """Re-baseline a key result: a new target or baseline from a date on, with the reason recorded.

    The value is changed where it stands and a record (date, field, old, new,
    reason) is appended to the key result's `rebaselines`; nothing else in the
    file changes. Scores as of a day before the date keep using the old value,
    and the `target-moved` lint rule accepts the change.

    Examples:

      okr rebaseline finance/faster-close/close-time --target 4.5 --reason "ERP migration moved to January"

      okr rebaseline close-time --baseline 7.5 --reason "October close re-measured" --date 2026-10-20 --commit

      okr rebaseline close-time --target 4.5 --reason "..." --dry-run
    """
    from okrcli.cli.common import fail, parse_day, start_dir
    from okrcli.model.numbers import parse_number
    from okrcli.model.text import text_to_write
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings
    from okrcli.usecases.checkin import find_metrics, only_match, period_label
    from okrcli.usecases.rebaseline import Rebaseline

    if (target is None) == (baseline is None):
        fail("give exactly one of --target and --baseline", hint=f"okr rebaseline {ref} --target 4.5 --reason \"why\"")
    if reason is None or not reason.strip():
        fail("--reason is required: say why the value changes", hint=f"okr rebaseline {ref} --target 4.5 --reason \"why\"")
    try:  # before anything is read: okr never writes a control character into a file
        reason = text_to_write(reason, "--reason")
        by = text_to_write(by, "--by").strip() if by is not None else None
    except ValueError as exc:
        fail(str(exc), hint="remove it and run again")
    if not _visible(reason):
        fail("--reason is required: say why the value changes", hint=f"okr rebaseline {ref} --target 4.5 --reason \"why\"")
    if by is not None and not _visible(by):
        fail("--by is empty: give who decided the change, or leave --by out")
    when = parse_day(day, "--date")
    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    metric = only_match(find_metrics(repo_dir, settings, ref, when, period=period), ref, period_label(period, when))
    field, text = ("target", target) if target is not None else ("baseline", baseline)
    try:
        value = parse_number(text, metric.unit)
    except ValueError as exc:
        fail(f"--{field}: {exc}")
    change = Rebaseline(metric, field, value, reason.strip(), when, by)
    if dry_run:
        return _preview(repo_dir, settings, change)
    return _record(repo_dir, settings, change, settings.checkin.commit if commit is None else commit, include_dirty)


def _visible(text: str) -> bool:
    """Whether ``text`` has a character people can see (not only spaces or zero-width marks)."""
    import unicodedata

    return any(not char.isspace() and unicodedata.category(char) not in ("Cf", "Zs") for char in text)


def _preview(repo_dir, settings, change) -> int:
    from okrcli.cli.common import err, out
    from okrcli.model.diagnostics import display_path
    from okrcli.usecases.rebaseline import plan_rebaseline

    planned = plan_rebaseline(repo_dir / settings.root, change)
    out(planned.diff(display_path(planned.path, Path.cwd())).rstrip("\n"))
    err("dry run: nothing was written")
    return 0


def _record(repo_dir, settings, change, commit: bool, include_dirty: bool) -> int:
    from okrcli.cli.common import err, out
    from okrcli.model.diagnostics import display_path
    from okrcli.usecases.rebaseline import record_rebaseline

    base = Path.cwd()
    result = record_rebaseline(repo_dir, settings, change, commit=commit, include_dirty=include_dirty, display_base=base)
    for recorded in result.files:
        out(f"{change.metric.ref}: {change.describe()} -> {display_path(recorded.change.path, base)}")
        if recorded.commit_sha is not None:
            out(f"committed {recorded.commit_sha[:10]}: okr: rebaseline {change.metric.ref}")
    if result.not_committed:
        out(result.not_committed)
    if result.on_no_branch:
        err(f"okr: warning: {result.on_no_branch}")
    return 0
