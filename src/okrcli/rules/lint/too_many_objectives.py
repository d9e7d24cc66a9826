"""A team has too many objectives in one period.

## What it does
Flags a team file with more objectives than the `max_objectives` option (default 5), at the
first objective over the limit.

## Why is this bad?
OKRs are a focusing tool: three to five objectives per team per period at most. With
more, nothing is a priority and check-ins become a status report.

## Example
Seven objectives in `okrs/2026-Q4/sales.yaml`.

## Use instead
Keep the three to five that matter most this period; track the rest as guardrails or
leave them for the next period.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import Option, PositiveInt

NAME = "too-many-objectives"
SEVERITY = Severity.WARNING
OPTIONS = {"max_objectives": Option(5, PositiveInt, "the most objectives a team may have in one period", lint_key="max_objectives")}


def findings(ctx):
    limit = ctx.options(NAME)["max_objectives"]
    for team_file in ctx.files:
        count = len(team_file.okr.objectives)
        if count > limit:
            yield ctx.finding(
                NAME, SEVERITY, team_file, ("objectives", limit, "id"),
                f"team '{team_file.team}' has {count} objectives in {team_file.okr.period} (at most {limit})",
                "keep the few that matter most; track the rest as guardrails or next period",
            )
