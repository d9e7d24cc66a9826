"""A key appears twice in one mapping.

## What it does
Reports the second occurrence of a key in the same mapping, naming the line of the first.

## Why is this bad?
YAML keeps only one of the two values, silently: an edit to the first one may have no
effect at all.

## Example
```yaml
- id: close-time
  target: 4
  unit: days
  target: 3
```

## Use instead
```yaml
- id: close-time
  target: 3
  unit: days
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "duplicate-key"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
