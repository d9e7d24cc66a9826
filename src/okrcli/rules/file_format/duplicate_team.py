"""Two files hold one team's OKRs for the same period.

## What it does
Reports a second file that declares the same `team` and `period` as another file,
naming the first. The file named for the team (`finance.yaml`) counts as the first; the
other is left out of scores and reports until the two are merged.

## Why is this bad?
Scores, reports and references expect one set of OKRs per team and period; with two, okr
could only pick one of them.

## Example
`okrs/2026-Q4/finance.yaml` and `okrs/2026-Q4/finance-copy.yaml`, both saying
`team: finance` and `period: 2026-Q4`.

## Use instead
Merge the two files into `okrs/2026-Q4/finance.yaml`; if they really are two teams, give
each its own `team:`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "duplicate-team"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
