"""A value is not one of those allowed.

## What it does
Reports a value outside a field's fixed choices (`type:` committed or aspirational,
`must_stay:` above or below) and required text left empty.

## Why is this bad?
These values decide how an objective is graded and which side of a guardrail is safe;
okr does not guess what `type: stretch` means.

## Example
```yaml
type: stretch
```

## Use instead
```yaml
type: aspirational
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "invalid-value"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
