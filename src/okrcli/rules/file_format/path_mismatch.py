"""The file's folder or name disagrees with its content.

## What it does
For files under `<root>/<period>/`, reports a `period:` other than the folder's name and a
`team:` other than the file's name. The content wins: the file is still loaded.

## Why is this bad?
People find a team's OKRs by path, and `okr checkin` and `okr draft` create and look for
files by `<period>/<team>.yaml`; a file in the wrong place is easy to miss or to
duplicate.

## Example
`okrs/2026-Q3/treasury.yaml` saying `team: finance` and `period: 2026-Q4`.

## Use instead
Move it to `okrs/2026-Q4/finance.yaml`, or fix `team:` and `period:`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "path-mismatch"
SEVERITY = Severity.WARNING
REPORTED_BY = LOADER
