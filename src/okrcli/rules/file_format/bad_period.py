"""A period is not written as a quarter, half or year.

## What it does
Reports a `period:` that is not `YYYY-Qn` (n from 1 to 4), `YYYY-Hn` (n 1 or 2) or `YYYY`.
Also a period whose dates cannot exist: year `0000`, and `9999-Q4`, `9999-H2` and `9999`,
whose following period (the one `okr draft` plans next) would begin after 9999-12-31.

## Why is this bad?
Periods decide each file's dates, which files are the previous period, and where a
reference points; a period okr cannot read has no dates.

## Example
```yaml
period: Q4 2026
```

## Use instead
```yaml
period: 2026-Q4
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "bad-period"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
