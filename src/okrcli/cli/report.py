"""okr report: the terminal dashboard, or the quarterly report as Markdown, HTML or JSON; okr tree."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import AsOfOption, ExplainOption, OwnerOption, PeriodOption, RepoOption, TeamOption
from okrcli.cli.refs import PrefixArgument


class ReportFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"


EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}


def report(
    ctx: typer.Context,
    prefix: PrefixArgument = None,
    period: PeriodOption = None,
    team: TeamOption = None,
    owner: OwnerOption = None,
    as_of: AsOfOption = None,
    compare: Annotated[
        Optional[str],
        typer.Option(metavar="PERIOD", help="Compare with this period, like for like (default: the previous period).", show_default=False),
    ] = None,
    notes: Annotated[bool, typer.Option("--notes", help="Show each key result's latest check-in note on the dashboard.")] = False,
    explain: ExplainOption = False,
    output_format: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", case_sensitive=False, help="terminal (default), markdown, html or json; taken from -o's extension when omitted.", show_default=False),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the report to FILE (- for standard output).", show_default=False)] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page the dashboard.")] = False,
    repo: RepoOption = None,
) -> int:
    """Show the OKR dashboard, or write the quarterly report for a leadership review.

    Every report opens with what needs attention: committed objectives off track or
    at risk, breached guardrails and check-ins owed, each with its owner and why.

    On a terminal: per team, each objective and key result with baseline → now →
    target, a progress bar with the expected-pace mark, confidence, a sparkline of
    check-ins, the age of the last check-in and its status (--notes adds the latest
    check-in note, --explain the arithmetic). Long output is paged; piped output is
    plain text.

    With --format markdown|html|json (or -o report.html): scores with grades in plain
    words, pace and the forecast's likely range, each key result's latest note and
    the last two weeks' notes, a chart of check-ins against the plan, committed
    objectives that missed with their retrospectives, the spread of aspirational
    scores, and the comparison with --compare (default: the previous period) at the
    same point of both periods, or final against final once both have ended. The
    HTML file is self-contained and works offline.

    Examples:

      okr report

      okr report sales --as-of 2026-11-20 --notes

      okr report --compare 2026-Q2 -o q4-review.html

      okr report --format markdown > report.md
    """
    from okrcli.cli.common import err, fail, load_for_period, out, parse_day

    day = parse_day(as_of, "--as-of")
    chosen, output = _format_and_output(ctx, output_format, output, repo)
    if (notes or explain) and chosen != "terminal":
        fail(f"--{'notes' if notes else 'explain'} is for the terminal dashboard", hint="the Markdown, HTML and JSON reports always carry the notes, pace and forecast range")
    loaded, period_name = load_for_period(ctx, repo, period, day, progress=sys.stderr.isatty(), with_previous=True, compare=compare)
    from okrcli.report.views import build_report

    if compare == period_name:
        fail(f"--compare {compare} is the period of the report", hint="compare with another period, e.g. the previous one (the default)")
    if compare is not None and _starts(loaded.repository, compare) > _starts(loaded.repository, period_name):
        # a later period has no "same point" that has already happened: it would be scored past as-of
        fail(f"--compare {compare} starts after {period_name}", hint="compare with an earlier period, e.g. the previous one (the default)")
    _check_filters(loaded.repository, period_name, team, owner)
    view = build_report(loaded.repository, period_name, day, team, owner, prefix, compare)
    if prefix and not view.teams:
        _check_prefix(loaded.repository, period_name, day, prefix)
    if compare is not None and view.comparison is None and view.teams:
        err(f"okr: note: nothing shown matches a team or objective of {compare}, so nothing is compared")

    if chosen == "terminal":
        from okrcli.report.dashboard import dashboard

        parts = [dashboard(view, _width(), notes=notes)]
        if explain:
            from okrcli.report.terminal import explain as explained

            parts.append(explained(view.result))
        return _show(parts, no_pager)

    from okrcli.report.outputs import render_report

    text = render_report(view, chosen)
    if output is None:
        out(text.rstrip("\n"))
    else:
        from okrcli.report.outputs import write_report

        write_report(output, text)
        err(f"wrote {output}")
    return 0


def _starts(repository, period_name: str):
    """The earliest start of ``period_name``'s files (a team may start its period later)."""
    return min(f.period.start for f in repository.files_in(period_name))


def _check_filters(repository, period_name: str, team: str | None, owner: str | None) -> None:
    """Exit 2 when ``--team`` or ``--owner`` names nobody in the period, saying who is there (or
    which file with errors holds the team). The prefix is checked by :func:`_check_prefix`.

    Filters that each name something but share nothing give an empty report, not an error: a
    script asking every team for one owner's key results expects some empty."""
    from okrcli.cli.common import fail

    files = repository.files_in(period_name)
    teams = sorted(f.team for f in files)
    if team is not None and team not in teams:  # an empty --team names no team either
        _broken_team(repository, period_name, team)
        fail(f"no team {team!r} in {period_name}", hint="teams: " + ", ".join(teams))
    owners = sorted({o for f in files for obj in f.okr.objectives for kr in obj.key_results if (o := obj.kr_owner(kr))})
    if owner is not None and owner not in owners:
        fail(f"no key result in {period_name} is owned by {owner!r}", hint="owners: " + (", ".join(owners) or "none"))


def _check_prefix(repository, period_name: str, day, prefix: str) -> None:
    """With the filters together keeping nothing: exit 2 when the prefix alone matches nothing
    (an empty report otherwise). Scores the period again, only in this case."""
    from okrcli.cli.common import fail
    from okrcli.scoring.scores import score_period
    from okrcli.scoring.selection import Selection, select

    if not select(score_period(repository, period_name, day), Selection(prefix=prefix)).teams:
        _broken_team(repository, period_name, prefix.strip("/").split("/")[0])
        fail(f"nothing in {period_name} matches the prefix {prefix!r}",
             hint="give team, team/objective or team/objective/kr (`okr refs` lists them)")


def _broken_team(repository, period_name: str, name: str) -> None:
    """Exit 2 naming the files with errors that hold team ``name``, if there are any."""
    from okrcli.cli.common import fail
    from okrcli.model.diagnostics import display_path

    held = [display_path(path, repository.repo_dir) for path in repository.broken_files(period_name, name)]
    if held:
        fail(f"team {name!r} has no valid file in {period_name}: {', '.join(held)} has errors",
             hint="run `okr validate` and fix what it reports")


def _format_and_output(ctx: typer.Context, output_format: ReportFormat | None, output: Path | None, repo: Path | None) -> tuple[str, Path | None]:
    """The format asked for (or read from -o's extension) and the file to write, None for standard output."""
    from okrcli.cli.common import fail, given_path

    if output == Path("-"):  # standard output, as if -o were not given
        output = None
    if output is not None:
        output = given_path(ctx, output, repo)
    chosen = output_format.value if output_format else None
    if chosen is None and output is not None:
        chosen = EXTENSIONS.get(output.suffix.lower())
        if chosen is None:
            fail(f"cannot tell the format from {output.name!r}", hint="add --format markdown|html|json, or use .md, .html or .json")
    chosen = chosen or "terminal"
    if chosen == "terminal" and output is not None:
        fail("the terminal dashboard is not written to files", hint="use --format markdown, html or json with -o")
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if implied is not None and implied != chosen:
        from okrcli.cli.common import err

        err(f"okr: note: writing {chosen} into {output.name}, whose extension says {implied} (--format decides)")
    return chosen, output


def _width() -> int:
    from okrcli.report.console import make_console

    return make_console().width


def _show(parts: list, no_pager: bool) -> int:
    """Print on the terminal, paged when longer than the screen; plain text without trailing spaces when piped."""
    from rich.console import Group

    from okrcli.report.console import make_console, pager_environment
    from okrcli.report.dashboard import without_trailing_spaces

    console = make_console()
    renderable = Group(*parts)
    with console.capture() as capture:
        console.print(renderable, soft_wrap=False)
    if not console.is_terminal:
        sys.stdout.write(without_trailing_spaces(capture.get()))
        return 0
    if not no_pager and capture.get().count("\n") > console.height:
        with pager_environment(), console.pager(styles=True):
            console.print(renderable)
        return 0
    sys.stdout.write(capture.get())
    return 0


def tree(
    ctx: typer.Context,
    prefix: PrefixArgument = None,
    period: PeriodOption = None,
    team: TeamOption = None,
    owner: OwnerOption = None,
    as_of: AsOfOption = None,
    explain: ExplainOption = False,
    repo: RepoOption = None,
) -> int:
    """Show the alignment tree: company objectives with the team objectives aligned to them.

    --team, --owner and a ref prefix keep what they name (an objective whose parent is
    left out shows what it aligns to); --explain adds the arithmetic under each objective.

    Examples:

      okr tree

      okr tree sales --explain
    """
    from okrcli.cli.common import fail, load_for_period, parse_day
    from okrcli.report import terminal
    from okrcli.scoring.scores import score_period
    from okrcli.scoring.selection import Selection, select

    day = parse_day(as_of, "--as-of")
    loaded, period_name = load_for_period(ctx, repo, period, day)
    _check_filters(loaded.repository, period_name, team, owner)
    result = select(score_period(loaded.repository, period_name, day), Selection(team=team, owner=owner, prefix=prefix))
    if prefix and not result.teams:
        _check_prefix(loaded.repository, period_name, day, prefix)
    return _show([terminal.tree(result, explain=explain)], no_pager=True)
