"""A team scores 1.0 on every aspirational objective, period after period.

## What it does
Flags a team whose aspirational objectives all scored 1.0 in each of its last two or more
finished periods in the repository (at its latest such file).

## Why is this bad?
About 0.7 is a strong result for an aspirational objective. Hitting 1.0 every time means
the targets are too safe (sandbagging): they stretch nobody and tell leaders nothing.

## Example
`sales` scored 1.0 on all aspirational objectives in 2026-Q2 and 2026-Q3.

## Use instead
Set aspirational targets where a 50-70% confidence feels right, or mark objectives that
must be delivered in full as committed.
"""

from __future__ import annotations

from okrcli.diagnostics import Severity

NAME = "aspirational-sandbagging"
SEVERITY = Severity.WARNING
PERIODS = 2


def check(ctx):
    reported: set[str] = set()
    for team_file in ctx.files:
        if team_file.team in reported:
            continue
        finished = [f for f in ctx.team_history(team_file.team) if f.period.end < ctx.as_of]
        streak = []
        for past in reversed(finished):
            aspirational = [
                result for objective, result in zip(past.okr.objectives, ctx.objective_scores(past))
                if objective.type == "aspirational"
            ]
            if aspirational and all(r.score >= 1.0 for r in aspirational):
                streak.append(past)
            else:
                break
        if len(streak) >= PERIODS and team_file in streak[:1]:
            reported.add(team_file.team)
            periods = ", ".join(f.okr.period for f in reversed(streak))
            yield ctx.finding(
                NAME, SEVERITY, team_file, ("team",),
                f"team '{team_file.team}' scored 1.0 on every aspirational objective in {periods}: the targets look too safe",
                "aim aspirational targets where 0.7 would be a strong result",
            )
