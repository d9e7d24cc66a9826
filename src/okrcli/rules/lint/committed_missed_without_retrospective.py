"""A committed objective ended below 1.0 without a retrospective.

## What it does
After a period has ended, flags committed objectives that scored below 1.0 and have no
`retrospective`.

## Why is this bad?
A committed objective is expected to be fully achieved; anything less is a miss that needs
a root-cause note. Without it, the next period repeats the same plan and the same miss.

## Example
```yaml
- id: faster-close
  type: committed
  # scored 0.75, period over, no retrospective
```

## Use instead
```yaml
- id: faster-close
  type: committed
  retrospective: >-
    Close time stalled at 7.5 days: the AP export still runs overnight.
    Automating bank reconciliation moves to Q4.
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "committed-missed-without-retrospective"
SEVERITY = Severity.WARNING


def findings(ctx):
    for team_file in ctx.files:
        if ctx.as_of <= team_file.period.end:
            continue
        scores = ctx.objective_scores(team_file)
        for o, (objective, result) in enumerate(zip(team_file.okr.objectives, scores)):
            if objective.type == "committed" and result.score < 1.0 and not (objective.retrospective or "").strip():
                yield ctx.finding(
                    NAME, SEVERITY, team_file, ("objectives", o, "id"),
                    f"committed objective '{objective.id}' ended at {result.score:.2f} with no retrospective",
                    "add `retrospective:` saying what blocked it and what changes next period",
                )
