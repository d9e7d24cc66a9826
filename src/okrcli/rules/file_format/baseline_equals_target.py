"""A key result's target equals its baseline.

## What it does
Reports key results whose `target` is the same number as their `baseline`.

## Why is this bad?
The score is the share of the way from baseline to target; when they are equal there is
nothing to move and no score. Often it is a "keep it at X" metric, which is a guardrail.

## Example
```yaml
- id: error-rate
  title: Keep the checkout error rate at 0.5%
  baseline: 0.5
  target: 0.5
```

## Use instead
Set the target to the value that proves the objective happened (`target: 0.2`), or, if
the point is to hold the level, watch it as a guardrail with `threshold: 0.5` and
`must_stay: below`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "baseline-equals-target"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
