"""The first confidence of the period is 1.0: the target is too safe.

## What it does
Flags key results whose first check-in with a confidence says 1.0.

## Why is this bad?
While drafting, a confidence of 50-70% is ideal. Being certain on day one means the target
is what would have happened anyway: it cannot focus effort or reveal anything.

## Example
```yaml
checkins:
  - date: 2026-10-05
    value: 41
    confidence: 1.0
```

## Use instead
Raise the target until hitting it feels like a 50-70% bet, or make the objective
committed if it really must be delivered in full.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "confidence-too-high-at-start"
SEVERITY = Severity.WARNING


def findings(ctx):
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                first = next(((c, ci) for c, ci in enumerate(kr.checkins) if ci.confidence is not None), None)
                if first and first[1].confidence >= 1.0:
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "checkins", first[0], "confidence"),
                        f"key result '{kr.id}' starts the period at confidence 1.0: the target is too safe",
                        "raise the target until it feels like a 50-70% bet",
                    )
