"""A field the format does not have.

## What it does
Reports a key the format does not know in any mapping, with the closest known field ("did
you mean 'target'?") or the list of allowed fields. A key containing a space usually means
text with `: ` in it was not quoted.

## Why is this bad?
A misspelt field is ignored by every other tool: `targte: 4` would leave the key result
without a target, and a note meant for readers would be lost.

## Example
```yaml
targte: 4
```

## Use instead
```yaml
target: 4
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "unknown-field"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
