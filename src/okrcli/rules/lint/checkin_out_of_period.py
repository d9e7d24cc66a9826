"""A check-in is dated outside the file's period.

## What it does
Flags check-ins (of key results and guardrails) dated before the period's first day or
after its last day.

## Why is this bad?
Scores use the values inside the period; a check-in outside it is either a typo in the
date (2025 for 2026) or belongs in another period's file.

## Example
```yaml
period: 2026-Q4
...
checkins:
  - date: 2025-10-05
    value: 6.8
```

## Use instead
Fix the date, or move the check-in to the file of the period it belongs to.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "checkin-out-of-period"
SEVERITY = Severity.WARNING


def findings(ctx):
    for team_file in ctx.files:
        period = team_file.period
        owners = [
            (("objectives", o, "key_results", k), kr.id, kr.checkins)
            for o, objective in enumerate(team_file.okr.objectives)
            for k, kr in enumerate(objective.key_results)
        ] + [(("guardrails", g), gr.id, gr.checkins) for g, gr in enumerate(team_file.okr.guardrails)]
        for base, item_id, checkins in owners:
            for c, checkin in enumerate(checkins):
                if not period.contains(checkin.date):
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, base + ("checkins", c, "date"),
                        f"check-in of '{item_id}' dated {checkin.date} is outside {period.name} ({period.start} to {period.end})",
                        "fix the date, or move the check-in to the file of its period",
                    )
