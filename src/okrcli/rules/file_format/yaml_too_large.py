"""The file expands to more values than okr reads.

## What it does
Reports a document whose anchors and aliases (`&name`, `*name`) expand to more than 50,000
values (a "billion laughs" alias bomb), or a file with more than 2,000,000 values in all.

## Why is this bad?
A few lines of aliases can expand to billions of values and exhaust memory in every tool
that reads the file; no real team file comes near the limits.

## Example
```yaml
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
# ... and so on, each line nine times the one before
```

## Use instead
Write the values out, without anchors and aliases that repeat each other; split a huge
file into one file per team and period.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "yaml-too-large"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
