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

from okrcli.model.diagnostics import Severity

NAME = "aspirational-sandbagging"
SEVERITY = Severity.WARNING
SCOPE = "repository"
PERIODS = 2


def findings(ctx):
    teams = sorted({s.team for s in ctx.index.summaries if s.valid})
    for team in teams:
        finished = [s for s in ctx.index.team_history(team) if s.end_date < ctx.as_of]
        streak = []
        for past in reversed(finished):
            aspirational = [o.score for o in past.objectives if o.type == "aspirational"]
            if aspirational and all(score >= 1.0 for score in aspirational):
                streak.append(past)
            else:
                break
        if len(streak) >= PERIODS:
            periods = ", ".join(s.period for s in reversed(streak))
            yield ctx.summary_finding(
                NAME, SEVERITY, streak[0], streak[0].team_span,
                f"team '{team}' scored 1.0 on every aspirational objective in {periods}: the targets look too safe",
                "aim aspirational targets where 0.7 would be a strong result",
            )
