"""A key result's target equals its baseline.

## What it does
Reports key results whose `target` is the same number as their `baseline`.

## Why is this bad?
The score is the share of the way from baseline to target; when they are equal there is
nothing to move and no score. Often it is a "keep it at X" metric, which is a guardrail.

## Example
```yaml
baseline: 99.9
target: 99.9
```

## Use instead
Set the target to the value that proves the objective happened, or watch the
steady state as a guardrail:
```yaml
guardrails:
  - id: uptime
    title: Availability stays above 99.9%
    threshold: 99.9
    must_stay: above
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "baseline-equals-target"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
