"""An objective has fewer than 2 or more than 5 key results.

## What it does
Reports objectives with 1 key result, or 6 and more. This is part of the file format, so
`okr validate` reports it too (as an error); the file is left out of scores and reports
until it is fixed.

## Why is this bad?
One key result rarely proves an objective (it can be gamed); more than five dilute focus
and usually mix outcomes with tasks.

## Example
```yaml
key_results:
  - id: nps
    title: Raise NPS from 40 to 50
```

## Use instead
```yaml
key_results:
  - id: nps
    title: Raise NPS from 40 to 50
  - id: first-response
    title: Reduce first response time from 24 hours to 12 hours
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "kr-count"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
