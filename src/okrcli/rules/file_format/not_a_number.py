"""A number field holds something else.

## What it does
Reports `baseline`, `target`, `value`, `threshold`, `weight` or `confidence` values that are
not plain numbers: quoted numbers, numbers with units, infinity or NaN.

## Why is this bad?
Scores are computed from these numbers; `"7"` or `7 days` would have to be guessed at, and
the unit belongs in `unit:` where reports can show it.

## Example
```yaml
baseline: 7 days
```

## Use instead
```yaml
baseline: 7
unit: days
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "not-a-number"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
