"""A date is invalid.

## What it does
Reports dates that are not real `YYYY-MM-DD` dates (`2026-13-01`, `2026-02-30`, text in a
date field), and a period whose `start` is after its `end`.

## Why is this bad?
Check-in dates order the history and place values in a period; a date that is not a date
cannot be placed.

## Example
```yaml
- date: 2026-11-31
  value: 6.8
```

## Use instead
```yaml
- date: 2026-11-30
  value: 6.8
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "bad-date"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
