"""The file is empty.

## What it does
Reports an OKR file that holds nothing, or only comments.

## Why is this bad?
An empty file declares no team and no period, so it belongs to nothing; usually it is a
leftover from a rename or an unfinished draft.

## Example
```yaml
# TODO: finance OKRs
```

## Use instead
Fill in `team:`, `period:` and `objectives:` (`okr draft` writes a file for you), or delete
the file.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "empty-file"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
