"""Two objectives, key results or guardrails share an id.

## What it does
Reports an id used a second time among a file's objectives, its guardrails, or one
objective's key results, naming the line of the first.

## Why is this bad?
References, check-ins and history find items by id: with two items of one id, a check-in
could land on the wrong one.

## Example
```yaml
key_results:
  - id: close-time
    title: Reduce month-end close from 7 days to 4 days
  - id: close-time
    title: Reduce quarter-end close from 15 days to 8 days
```

## Use instead
```yaml
key_results:
  - id: close-time
    title: Reduce month-end close from 7 days to 4 days
  - id: quarter-close-time
    title: Reduce quarter-end close from 15 days to 8 days
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "duplicate-id"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
