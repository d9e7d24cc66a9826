"""A key result names a source that okr.toml does not define.

## What it does
Reports a key result whose `source:` (`source: arr`, or `source: {name: arr, ...}`) names
no `[sources.arr]` table in okr.toml.

## Why is this bad?
`okr pull` fetches a key result's value from the source it names; a source that does not
exist (a typo, or a source renamed or removed in okr.toml) means the key result silently
stops updating. How a value is fetched is defined only in okr.toml, so a team file can
name a source but never define one.

## Example
```yaml
# okr.toml defines [sources.kpis]
source: {name: kpi, select: /csat/value}
```

## Use instead
```yaml
source: {name: kpis, select: /csat/value}
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "unknown-source"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
