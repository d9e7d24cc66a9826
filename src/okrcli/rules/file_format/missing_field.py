"""A required field is missing.

## What it does
Reports a mapping without a field the format requires (`team`, `period`, `objectives`;
an objective's `id`, `title`, `type`, `key_results`; a key result's `id`, `title`,
`baseline`, `target`; ...), and a file with no objectives. It points at the mapping.

## Why is this bad?
Without the field okr cannot score, reference or report the item; guessing a default would
hide the mistake.

## Example
```yaml
- id: close-time
  title: Reduce month-end close from 7 days to 4 days
  target: 4
```

## Use instead
```yaml
- id: close-time
  title: Reduce month-end close from 7 days to 4 days
  baseline: 7
  target: 4
```
docs/format.md lists every field and whether it is required.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "missing-field"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
