"""okr refs: every reference of a period, one a line; and shell completion of references."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


def _repository(ctx: typer.Context):
    """(repository folder, settings) for a completion: -C from the command or from ``okr -C``."""
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings

    given = ctx.params.get("repo") or (ctx.parent.params.get("repo") if ctx.parent else None)
    repo_dir = find_repository(Path(given) if given else Path.cwd())
    return repo_dir, load_settings(repo_dir)


def _complete(ctx: typer.Context, incomplete: str, parents: bool) -> list[tuple[str, str]]:
    """References for a shell's completion. Never raises and never prints: a broken repository,
    a bad okr.toml or a file with errors gives fewer suggestions (or none), not a message in
    the middle of the command line being typed."""
    import contextlib
    import io
    import warnings
    from datetime import date

    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            from okrcli.model.periods import is_period_name
            from okrcli.usecases.refs import completions, period_refs

            repo_dir, settings = _repository(ctx)
            period = ctx.params.get("period")
            listing = period_refs(repo_dir, settings, date.today(), period if period and is_period_name(period) else None)
            return completions(listing.metrics, incomplete or "", parents)
    except (Exception, SystemExit):
        return []


def complete_ref(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for a key result or guardrail (``okr checkin``, ``okr history``)."""
    return _complete(ctx, incomplete, parents=False)


def complete_prefix(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for a team, objective or key result (``okr score``, ``okr refs``)."""
    return _complete(ctx, incomplete, parents=True)


PrefixArgument = Annotated[
    Optional[str],
    typer.Argument(
        metavar="PREFIX", help="Only this team, team/objective or team/objective/kr (`okr refs` lists them).",
        show_default=False, autocompletion=complete_prefix,
    ),
]
"""The ref prefix score, report and tree filter by."""


def refs(
    ctx: typer.Context,
    prefix: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PREFIX",
            help="Only this team or team/objective.",
            show_default=False,
            autocompletion=complete_prefix,
        ),
    ] = None,
    period: Annotated[
        Optional[str],
        typer.Option(metavar="PERIOD", help="Period (default: the one containing today).", show_default=False),
    ] = None,
    repo: RepoOption = None,
) -> int:
    """List references: every key result and guardrail that takes check-ins, one a line.

    Each line is the full reference (team/objective/kr, or team/guardrail) and its title;
    `okr checkin`, `okr score` and `okr history` take the first column. Shell completion
    offers the same references: see docs/checkin.md.

    Examples:

      okr refs

      okr refs finance --period 2026-Q3

      okr refs | cut -d' ' -f1
    """
    from datetime import date

    from okrcli.cli.common import err, fail, out, start_dir
    from okrcli.model.diagnostics import display_path
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings
    from okrcli.usecases.refs import period_refs

    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    today = date.today()
    listing = period_refs(repo_dir, settings, today, period, prefix)
    for path in listing.broken:
        err(f"okr: warning: {display_path(path, Path.cwd())} has errors and is left out; run `okr validate` for details")
    if not listing.metrics:
        where = f"{prefix!r} in " if prefix else ""
        fail(
            f"no key results or guardrails {'match ' + where if prefix else 'in '}{period or f'the period containing {today}'}",
            hint="give --period (e.g. --period 2026-Q4), or a team such as finance",
        )
    width = max(len(m.ref) for m in listing.metrics)
    for metric in listing.metrics:
        kind = "  (guardrail)" if metric.kind == "guardrail" else ""
        out(f"{metric.ref:<{width}}  {metric.title}{kind}")
    return 1 if listing.broken else 0
