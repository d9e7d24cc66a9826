"""A drafted key result has no number to reach.

## What it does
Reported by `okr draft` when a key result sentence has no target it can read: no "from X
to Y", "to Y", "by N%" or "Nx".

## Why is this bad?
A key result is measured: without a number there is no baseline, no target and no score,
and the statement is probably a task or a wish.

## Example
`okr draft` given the key result "Make onboarding better".

## Use instead
Write it as a metric moving from a start to a goal: "Raise week-one activation from 40%
to 55%".
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import DRAFT

NAME = "kr-no-number"
SEVERITY = Severity.WARNING
REPORTED_BY = DRAFT
