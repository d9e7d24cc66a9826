"""A value carries a YAML tag.

## What it does
Reports tags such as `!!python/object`, `!!binary` or `!custom` on any value. okr never
constructs a tagged value: the tag is an error instead.

## Why is this bad?
In some YAML readers tags run code or build arbitrary objects (a classic security hole),
and OKR files only ever need text, numbers, dates, lists and mappings.

## Example
```yaml
type: !!python/object:os.system committed
```

## Use instead
```yaml
type: committed
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "yaml-tag"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
