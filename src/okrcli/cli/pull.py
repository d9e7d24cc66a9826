"""okr pull: fetch the sources key results name in okr.toml and record their values as check-ins."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


class PullFormat(str, Enum):
    text = "text"
    json = "json"


def pull(
    ctx: typer.Context,
    prefix: Annotated[
        Optional[str],
        typer.Argument(metavar="[REF-PREFIX]", help="Only this team, team/objective or team/objective/kr.", show_default=False),
    ] = None,
    day: Annotated[
        Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the check-ins (default: today).", show_default=False)
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Fetch and show what would change; write nothing.")] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a different value already recorded on that date.")
    ] = False,
    commit: Annotated[
        bool, typer.Option("--commit", help="Commit the changed files with git, in one commit listing the key results.")
    ] = False,
    include_dirty: Annotated[
        bool, typer.Option("--include-dirty", help="With --commit: commit files that already had uncommitted changes too.")
    ] = False,
    output_format: Annotated[PullFormat, typer.Option("--format", case_sensitive=False, help="Output format.")] = PullFormat.text,
    repo: RepoOption = None,
) -> int:
    """Update metric-backed key results: fetch each source once and write a check-in per key result.

    Sources are defined in okr.toml ([sources.NAME]: a command, a file or a URL); a key
    result names one with `source: NAME` or `source: {name: NAME, select: /pointer}`.
    Each check-in records the source it came from. Running it again on the same day
    changes nothing. Exits 1 when any source failed (the others are still written),
    0 when all succeeded. See docs/sources.md.

    Examples:

      okr pull

      okr pull sales --dry-run

      okr pull --commit --format json
    """
    import os
    from pathlib import Path

    from okrcli.cli.common import out, parse_day, start_dir
    from okrcli.repo.config import find_repository
    from okrcli.report.pull import pull_json, pull_text
    from okrcli.rules.options import load_settings
    from okrcli.usecases.pull import pull as run_pull

    when = parse_day(day, "--date")
    repo_dir = find_repository(start_dir(ctx, repo))
    settings = load_settings(repo_dir)
    result = run_pull(
        repo_dir, settings, prefix, when, environ=dict(os.environ),
        dry_run=dry_run, replace=replace, commit=commit, include_dirty=include_dirty,
    )
    base = Path.cwd()
    if output_format is PullFormat.json:
        out(pull_json(result, base))
    else:
        for line in pull_text(result, base):
            out(line)
    return 1 if result.failed else 0
