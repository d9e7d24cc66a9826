"""okr score: key-result, objective and team scores on the 0.0-1.0 scale."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption
from okrcli.cli.refs import complete_prefix


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def score(
    ctx: typer.Context,
    prefix: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PREFIX", help="Only this team, team/objective or team/objective/kr (`okr refs` lists them).",
            autocompletion=complete_prefix,
        ),
    ] = None,
    period: Annotated[
        Optional[str],
        typer.Option(metavar="PERIOD", help="Period to score (default: the one containing --as-of).", show_default=False),
    ] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", metavar="DATE", help="Score as on this day (default: today).", show_default=False)
    ] = None,
    output_format: Annotated[ScoreFormat, typer.Option("--format", case_sensitive=False, help="Output format.")] = ScoreFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Show the numbers and arithmetic behind every score.")] = False,
    tree: Annotated[bool, typer.Option("--tree", help="Show objectives under the objectives they align to.")] = False,
    repo: RepoOption = None,
) -> int:
    """Score key results, objectives and teams on the 0.0-1.0 scale, with status and forecast.

    Key-result score = clamp((current - baseline) / (target - baseline), 0, 1), current
    being the last check-in on or before --as-of. Objectives take the weighted mean of
    their key results, teams the mean of their objectives. The rules, with worked
    examples, are in docs/scoring.md; --explain shows the arithmetic.

    Examples:

      okr score

      okr score sales --as-of 2026-11-20 --explain

      okr score --period 2026-Q3 --format json
    """
    from okrcli.cli.common import load_for_period, out, parse_day
    from okrcli.model.diagnostics import has_errors
    from okrcli.scoring.scores import score_period
    from okrcli.scoring.selection import Selection, select

    day = parse_day(as_of, "--as-of")
    if (explain or tree) and output_format is not ScoreFormat.table:
        from okrcli.cli.common import fail

        fail(f"--{'explain' if explain else 'tree'} is for the table on the terminal",
             hint="JSON carries each score's status_reason, pace and forecast_range; drop --format for the arithmetic")
    loaded, chosen = load_for_period(ctx, repo, period, day)
    result = select(score_period(loaded.repository, chosen, day), Selection(prefix=prefix))
    if prefix and not result.teams:
        from okrcli.cli.common import fail

        fail(f"nothing in {chosen} matches {prefix!r}", hint="give team, team/objective or team/objective/kr")
    if output_format is ScoreFormat.json:
        from okrcli.report.json_contract import score_json

        out(score_json(result))
    elif output_format is ScoreFormat.csv:
        from okrcli.report.csv_rows import score_csv

        out(score_csv(result).rstrip("\n"))
    elif output_format is ScoreFormat.markdown:
        from okrcli.report.markdown import score_markdown

        out(score_markdown(result))
    else:
        from okrcli.report.console import make_console
        from okrcli.report import terminal

        console = make_console()
        if tree:
            console.print(terminal.tree(result))
        elif explain:
            console.print(terminal.explain(result), soft_wrap=True)
        else:
            console.print(terminal.score_tables(result))
    return 1 if has_errors(loaded.diagnostics) else 0
