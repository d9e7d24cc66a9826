"""Objectives align to each other in a circle.

## What it does
Follows `aligns_to` from objective to objective and reports a chain that comes back to
where it started (including an objective aligned to itself). Reported by loading, so
`okr validate` reports it too.

## Why is this bad?
Alignment points upward, from team objectives to the objectives they support. A circle has
no top: roll-ups and the alignment tree cannot place these objectives.

## Example
```yaml
# finance/faster-close
aligns_to: finance/trusted-forecasts
# finance/trusted-forecasts
aligns_to: finance/faster-close
```

## Use instead
Point both at the company objective they support, e.g. `company/efficient-growth`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "alignment-cycle"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
