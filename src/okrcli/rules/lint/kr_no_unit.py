"""A key result has no unit.

## What it does
Notes key results without a `unit` (`%`, `days`, `USD`, `points`...). Informational.

## Why is this bad?
"From 40 to 50" of what? Units make dashboards and reports readable, and catch mixed-up
numbers (a rate in % against a count).

## Example
```yaml
title: Raise NPS from 40 to 50
baseline: 40
target: 50
```

## Use instead
```yaml
title: Raise NPS from 40 to 50
baseline: 40
target: 50
unit: points
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "kr-no-unit"
SEVERITY = Severity.INFO


def findings(ctx):
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                if not kr.unit:
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "id"),
                        f"key result '{kr.id}' has no unit",
                        "add `unit:` (%, days, USD, points...)",
                    )
