"""An objective contains a number.

## What it does
Flags objective titles with numbers ("Win 50 enterprise logos", "Grow revenue 30%").
Period names (Q4, 2026) and common names (B2B, 24/7) are not counted.

## Why is this bad?
An objective is the qualitative *what*: short, memorable, inspiring. A number turns it
into a quota and duplicates what the key results are for; "Hire 50 people" reads like a
target to hit, not a change that matters.

## Example
```yaml
- id: enterprise-logos
  title: Win 50 enterprise logos in the DACH region
```

## Use instead
```yaml
- id: enterprise-logos
  title: Enterprise buyers in DACH choose us
  key_results:
    - id: new-logos
      title: Grow signed enterprise logos in DACH from 4 to 50
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.language.quality import numbers_in_objective

NAME = "objective-has-number"
SEVERITY = Severity.WARNING


def findings(ctx):
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            numbers = numbers_in_objective(objective.title)
            if numbers:
                yield ctx.finding(
                    NAME, SEVERITY, team_file, ("objectives", o, "title"),
                    f"objective '{objective.id}' contains a number ({', '.join(numbers)}): it reads like a quota",
                    "say what should change and why it matters; move the number into a key result",
                )
