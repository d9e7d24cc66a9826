"""okr history: a key result's story from git, oldest first."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption
from okrcli.cli.refs import complete_ref


class HistoryFormat(str, Enum):
    text = "text"
    json = "json"


def history(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help="team/objective/kr (a unique shorter form works too); PERIOD:team/objective/kr for another period.",
            autocompletion=complete_ref,
        ),
    ],
    output_format: Annotated[HistoryFormat, typer.Option("--format", case_sensitive=False, help="text, or json (a list of events).")] = HistoryFormat.text,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing today).", show_default=False)] = None,
    repo: RepoOption = None,
) -> int:
    """Show a key result's history from git: created, check-ins added, changed or removed,
    changes of title, baseline, target, unit, type or owner, re-baselines with their reason.

    Every event names its commit, date and author; changes not committed yet come last.
    A file renamed or moved between folders keeps its history. Needs git.

    Examples:

      okr history finance/faster-close/close-time

      okr history close-time --period 2026-Q3 --format json
    """
    from datetime import date

    from okrcli.cli.common import out, start_dir
    from okrcli.model.diagnostics import display_path
    from okrcli.repo.config import find_repository
    from okrcli.rules.options import load_settings
    from okrcli.usecases.history import history_of

    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    metric, events = history_of(repo_dir, settings, ref, date.today(), period)
    if output_format is HistoryFormat.json:
        from okrcli.report.history import history_json

        out(history_json(events))
    else:
        from okrcli.report.history import history_lines

        for line in history_lines(metric.ref, display_path(metric.file, repo_dir), events, metric.unit):
            out(line)
    return 0
