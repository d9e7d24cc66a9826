"""A value is of the wrong kind.

## What it does
Reports a value that is not the kind the field holds: a list where text belongs, text where
a mapping belongs, `true` where a list belongs, and YAML values that are not valid
integers or floats.

## Why is this bad?
okr would otherwise have to guess what a value means; a title given as a list or a
check-in given as text cannot be scored or reported.

## Example
```yaml
owner: [ana, omar]
```

## Use instead
```yaml
owner: ana
```
Quote text that YAML would read as something else: `title: "2026: the year of trust"`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "wrong-type"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
