"""A team or id is not a slug.

## What it does
Reports a `team` or an `id` that is not a slug: lowercase letters, digits and hyphens,
starting with a letter or a digit.

## Why is this bad?
Teams and ids appear in file names, references (`finance/faster-close`) and commands
(`okr checkin finance/faster-close/close-time`); spaces, capitals and punctuation break
them or make them ambiguous.

## Example
```yaml
- id: Faster Close
```

## Use instead
```yaml
- id: faster-close
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "bad-slug"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
