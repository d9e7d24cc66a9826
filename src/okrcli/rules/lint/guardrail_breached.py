"""A guardrail (health metric) is on the wrong side of its threshold.

## What it does
Flags guardrails whose latest check-in on or before as-of is not strictly below (or above)
its threshold, pointing at that check-in's value.

## Why is this bad?
Guardrails are the "do no harm" metrics watched while chasing the OKRs: growing sales by
letting complaints climb is not success. A breach needs a decision, not a footnote.

## Example
```yaml
guardrails:
  - id: complaint-rate
    threshold: 2.0
    must_stay: below
    checkins:
      - {date: 2026-11-16, value: 2.2}
```

## Use instead
Act on it and say so in the next check-in's note; if the threshold itself is wrong, change
it in a reviewed pull request.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.model.numbers import render_number

NAME = "guardrail-breached"
SEVERITY = Severity.WARNING


def findings(ctx):
    from okrcli.scoring.guardrails import guardrail_status

    for team_file in ctx.files:
        for g, guardrail in enumerate(team_file.okr.guardrails):
            result = guardrail_status(guardrail, f"{team_file.team}/{guardrail.id}", team_file.period, ctx.as_of)
            if result.status != "breached":
                continue
            index = max(i for i, c in enumerate(guardrail.checkins) if c.date <= min(ctx.as_of, team_file.period.end))
            unit = guardrail.unit or ""
            yield ctx.finding(
                NAME, SEVERITY, team_file, ("guardrails", g, "checkins", index, "value"),
                f"guardrail '{guardrail.id}' is breached: {render_number(result.value)}{unit} must stay "
                f"{guardrail.must_stay} {render_number(guardrail.threshold)}{unit}",
                "decide what to change and say so in the next check-in's note",
            )
