"""The top level of the file is a list or a single value.

## What it does
Reports a file whose top level is not a mapping of keys (`team:`, `period:`,
`objectives:`), such as a bare list of objectives or plain text.

## Why is this bad?
A team file is one mapping: without `team:` and `period:` okr cannot tell whose OKRs a
list holds or which period they are for.

## Example
```yaml
- id: faster-close
  title: Close the books fast enough to steer by them
```

## Use instead
```yaml
team: finance
period: 2026-Q4
objectives:
  - id: faster-close
    title: Close the books fast enough to steer by them
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "not-a-mapping"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
