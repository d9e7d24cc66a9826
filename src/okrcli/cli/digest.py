"""okr digest: the week in one message (Markdown for a chat or an issue), for a scheduled CI job."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


class DigestFormat(str, Enum):
    markdown = "markdown"
    json = "json"
    text = "text"


def digest(
    ctx: typer.Context,
    since: Annotated[
        str, typer.Option(metavar="DATE|Nd", help="First day of the window: a date, or N days up to --until (7d: a week).")
    ] = "7d",
    until: Annotated[Optional[str], typer.Option(metavar="DATE", help="Last day of the window (default: today).", show_default=False)] = None,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing --until).", show_default=False)] = None,
    output_format: Annotated[DigestFormat, typer.Option("--format", case_sensitive=False, help="markdown, json or text.")] = DigestFormat.markdown,
    max_chars: Annotated[int, typer.Option("--max-chars", min=200, help="Markdown and text: at most this many characters; longer sections end with 'and N more'.")] = 4000,
    no_git: Annotated[bool, typer.Option("--no-git", help="Do not read git history (moves without a re-baseline record are then unknown).")] = False,
    repo: RepoOption = None,
) -> int:
    """The week in one message: check-ins (with the change and the note), status changes,
    who owes a check-in, breached guardrails, moved targets and re-baselines.

    An owner owes a check-in when a key result has none for longer than okr.toml
    [checkin] cadence_days (default 7) while its period runs. Works without git, from the
    check-in dates in the files, and says what it could not know.

    Examples:

      okr digest                                   (the last 7 days, Markdown)

      okr digest --since 2026-11-14 --until 2026-11-20 --format json

      okr digest --since 14d --max-chars 2000
    """
    from okrcli.cli.common import load_for_period, out, parse_day
    from okrcli.usecases.digest import build_digest, digest_window

    end = parse_day(until, "--until")
    start = digest_window(since, end)
    loaded, chosen = load_for_period(ctx, repo, period, end)
    errors = len({d.file for d in loaded.diagnostics if d.severity.value == "error"})
    result = build_digest(loaded.repository, chosen, start, end, use_git=not no_git, files_with_errors=errors)
    if output_format is DigestFormat.json:
        from okrcli.report.digest import digest_json

        out(digest_json(result))
    else:
        from okrcli.report.digest import digest_text

        text = digest_text(result, markdown=output_format is DigestFormat.markdown, max_chars=max_chars)
        for line in text.split("\n"):
            out(line)
    return 0


__all__ = ["digest", "Path"]
