"""No check-in for weeks during an active period ("set it and forget it").

## What it does
During the period (as-of between its first and last day), flags key results whose last
check-in, or the period's start when there is none, is more than `[checkin] stale_days`
(default 14) days before as-of, naming the owner who owes the check-in (the key result's
own, else its objective's).

## Why is this bad?
Weekly or bi-weekly check-ins are the heartbeat of OKRs. Key results without them are
the most common way OKRs die quietly: nobody sees the trend until the quarter is over.

## Example
A key result last checked in on 2 November, linted on 20 November.

## Use instead
`okr checkin team/objective/kr --value V --confidence C` every week, or
`okr checkin --team T` to walk through all of them.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "checkin-stale"
SEVERITY = Severity.WARNING


def findings(ctx):
    stale_days = ctx.settings.checkin.stale_days
    for team_file in ctx.files:
        period = team_file.period
        if not period.contains(ctx.as_of):
            continue
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                seen = [c for c in kr.checkins if c.date <= ctx.as_of]
                since = seen[-1].date if seen else period.start
                age = (ctx.as_of - since).days
                if age > stale_days:
                    what = f"last check-in {since} ({age} days ago)" if seen else f"no check-in since the period started {age} days ago"
                    owner = objective.kr_owner(kr)
                    who = f"owner {owner}" if owner else "no owner"
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "id"),
                        f"key result '{kr.id}' ({who}): {what}; stale after {stale_days} days",
                        f"okr checkin {team_file.team}/{objective.id}/{kr.id} --value V --confidence C",
                    )
