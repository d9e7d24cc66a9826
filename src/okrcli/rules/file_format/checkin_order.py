"""Check-ins are out of date order, or two share a date.

## What it does
Reports a check-in dated on or before the one above it, in the check-ins of a key result
or a guardrail.

## Why is this bad?
The latest value is the last check-in; out of order, the score, the trend and the
forecast would use the wrong one. Two check-ins on one date contradict each other.

## Example
```yaml
checkins:
  - date: 2026-11-02
    value: 6.1
  - date: 2026-10-05
    value: 6.8
```

## Use instead
List check-ins oldest first: move the one of 2026-10-05 above the one of 2026-11-02.
Merge two check-ins of the same date into one.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "checkin-order"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
