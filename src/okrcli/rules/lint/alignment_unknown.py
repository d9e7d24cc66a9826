"""An objective aligns to an objective or key result that does not exist.

## What it does
Resolves every `aligns_to` reference (`team/objective`, `team/objective/kr`, or
`PERIOD:team/objective`) and reports those that name nothing. This is part of loading, so
`okr validate` reports it too.

## Why is this bad?
Alignment is how a team shows which higher objective it supports; a dangling reference
silently drops the team out of the alignment tree and its roll-up.

## Example
```yaml
aligns_to: company/efficient-grwth
```

## Use instead
```yaml
aligns_to: company/efficient-growth
```
(`okr score --tree` shows what exists.)
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "alignment-unknown"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
