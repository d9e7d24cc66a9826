"""okr report: the terminal dashboard, or the quarterly report as Markdown, HTML or JSON."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


class ReportFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"


EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}


def report(
    ctx: typer.Context,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing --as-of).", show_default=False)] = None,
    team: Annotated[Optional[str], typer.Option(help="Only this team.", show_default=False)] = None,
    owner: Annotated[Optional[str], typer.Option(help="Only key results this person owns.", show_default=False)] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Report as on this day (default: today).", show_default=False)] = None,
    output_format: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", help="terminal (default), markdown, html or json; taken from -o's extension when omitted.", show_default=False),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the report to FILE (- for standard output).", show_default=False)] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page the dashboard.")] = False,
    repo: RepoOption = None,
) -> int:
    """Show the OKR dashboard, or write the quarterly score report.

    On a terminal: per team, each objective and key result with baseline → now →
    target, a progress bar with the expected-pace mark, confidence, a sparkline of
    check-ins, the age of the last check-in and its status; guardrail breaches
    stand out. Long output is paged; piped output is plain text.

    With --format markdown|html|json (or -o report.html): final (or as-of) scores and
    grades, committed objectives that missed with their retrospectives, the spread of
    aspirational scores against the 0.7 sweet spot, a chart of every key result's
    check-ins against the straight line to its target, and each team's change since
    the previous period. The HTML file is self-contained and works offline.

    Examples:

      okr report

      okr report --team finance --as-of 2026-11-20

      okr report -o q4-report.html

      okr report --format markdown > report.md
    """
    import sys

    from okrcli.cli.common import err, fail, load_for_period, out, parse_day

    day = parse_day(as_of, "--as-of")
    if output == Path("-"):  # standard output, as if -o were not given
        output = None
    if output is not None:
        from okrcli.cli.common import given_path

        output = given_path(ctx, output, repo)
    chosen = output_format.value if output_format else None
    if chosen is None and output is not None:
        chosen = EXTENSIONS.get(output.suffix.lower())
        if chosen is None:
            fail(f"cannot tell the format from {output.name!r}", hint="add --format markdown|html|json, or use .md, .html or .json")
    chosen = chosen or "terminal"
    if chosen == "terminal" and output is not None:
        fail("the terminal dashboard is not written to files", hint="use --format markdown, html or json with -o")

    loaded, period_name = load_for_period(ctx, repo, period, day, progress=sys.stderr.isatty(), with_previous=True)
    from okrcli.report.views import build_report

    teams = sorted(f.team for f in loaded.repository.files_in(period_name))
    if team and team not in teams:
        fail(f"no team {team!r} in {period_name}", hint="teams: " + ", ".join(teams))
    view = build_report(loaded.repository, period_name, day, team, owner)

    if chosen == "terminal":
        from okrcli.report.console import make_console, pager_environment
        from okrcli.report.dashboard import dashboard, without_trailing_spaces

        console = make_console()
        renderable = dashboard(view, console.width)
        if console.is_terminal and not no_pager:
            with console.capture() as capture:
                console.print(renderable)
            if capture.get().count("\n") > console.height:
                with pager_environment(), console.pager(styles=True):
                    console.print(renderable)
                return 0
            sys.stdout.write(capture.get())
            return 0
        with console.capture() as capture:
            console.print(renderable)
        sys.stdout.write(without_trailing_spaces(capture.get()))
        return 0

    from okrcli.report.outputs import render_report

    text = render_report(view, chosen)
    if output is None:
        out(text.rstrip("\n"))
    else:
        from okrcli.report.outputs import write_report

        write_report(output, text)
        err(f"wrote {output}")
    return 0


def tree(
    ctx: typer.Context,
    period: Annotated[Optional[str], typer.Option(help="Period (default: the one containing --as-of).", show_default=False)] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="Scores as on this day (default: today).", show_default=False)] = None,
    repo: RepoOption = None,
) -> int:
    """Show the alignment tree: company objectives with the team objectives aligned to them."""
    from okrcli.cli.common import load_for_period, parse_day
    from okrcli.report import terminal
    from okrcli.report.console import make_console
    from okrcli.scoring.scores import score_period

    day = parse_day(as_of, "--as-of")
    loaded, period_name = load_for_period(ctx, repo, period, day)
    make_console().print(terminal.tree(score_period(loaded.repository, period_name, day)))
    return 0
