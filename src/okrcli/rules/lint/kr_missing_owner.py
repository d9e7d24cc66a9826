"""A key result has no owner.

## What it does
Flags key results with no `owner`, when their objective has no `owner` either (a key
result inherits its objective's owner).

## Why is this bad?
A key result nobody owns is a key result nobody checks in on. Ownership is what turns a
metric into somebody's weekly question.

## Example
```yaml
- id: faster-close
  title: Close the books fast enough to steer by them
  key_results:
    - id: close-time
      title: Reduce month-end close from 7 days to 4 days
```

## Use instead
```yaml
- id: faster-close
  owner: omar-haddad          # every key result inherits it
  key_results:
    - id: close-time
      owner: ana-ruiz         # or name one per key result
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "kr-missing-owner"
SEVERITY = Severity.WARNING


def findings(ctx):
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                if not objective.kr_owner(kr):
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "id"),
                        f"key result '{kr.id}' has no owner (nor does objective '{objective.id}')",
                        "add `owner:` to the key result or to its objective",
                    )
