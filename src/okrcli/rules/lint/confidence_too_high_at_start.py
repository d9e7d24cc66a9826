"""The first confidence of the period is 1.0: the target is too safe.

## What it does
Flags key results whose first check-in with a confidence says 1.0, when that check-in is
near the period's start (in its first quarter: the first three weeks or so of a quarter)
and the value is not yet near the target (less than 90% of the way there).

## Why is this bad?
While drafting, a confidence of 50-70% is ideal. Being certain on day one means the target
is what would have happened anyway: it cannot focus effort or reveal anything. Certainty
later in the period, or once the target is all but reached, is simply accurate.

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
from okrcli.scoring.progress import kr_score

NAME = "confidence-too-high-at-start"
SEVERITY = Severity.WARNING

START = 0.25
"""How much of the period counts as its start (a quarter: about the first three weeks)."""
NEAR_TARGET = 0.9
"""From this score on, a value is near enough the target for certainty to be accurate."""


def findings(ctx):
    for team_file in ctx.files:
        period = team_file.period
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                first = next(((c, ci) for c, ci in enumerate(kr.checkins) if ci.confidence is not None), None)
                if first is None or first[1].confidence < 1.0 or period.elapsed_fraction(first[1].date) > START:
                    continue
                if kr.target != kr.baseline and kr_score(kr.baseline, kr.target, first[1].value) >= NEAR_TARGET:
                    continue
                yield ctx.finding(
                    NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "checkins", first[0], "confidence"),
                    f"key result '{kr.id}' starts the period at confidence 1.0: the target is too safe",
                    "raise the target until it feels like a 50-70% bet",
                )
