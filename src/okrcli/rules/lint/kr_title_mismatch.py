"""The numbers in a key result's title disagree with its baseline or target.

## What it does
Reads the title like `okr draft` does ("from 7 days to 4 days", "Achieve 90%") and flags
a key result whose title states a baseline or target different from its `baseline` and
`target` fields.

## Why is this bad?
Readers trust the sentence; the score uses the fields. When they disagree, somebody edited
one and not the other, and the score no longer measures what the title promises.

## Example
```yaml
title: Reduce month-end close from 7 days to 4 days
baseline: 7
target: 3
```

## Use instead
```yaml
title: Reduce month-end close from 7 days to 3 days
baseline: 7
target: 3
```
"""

from __future__ import annotations

import math

from okrcli.model.diagnostics import Severity
from okrcli.language.sentences import parse_key_result
from okrcli.model.numbers import render_number

NAME = "kr-title-mismatch"
SEVERITY = Severity.WARNING


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def findings(ctx):
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                parsed = parse_key_result(kr.title)
                problems = []
                if parsed.baseline is not None and not _same(parsed.baseline, kr.baseline):
                    problems.append(f"baseline {render_number(parsed.baseline)} in the title, {render_number(kr.baseline)} in `baseline`")
                if parsed.target is not None and not _same(parsed.target, kr.target):
                    problems.append(f"target {render_number(parsed.target)} in the title, {render_number(kr.target)} in `target`")
                if problems:
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "title"),
                        f"key result '{kr.id}': " + "; ".join(problems),
                        "make the title and the numbers say the same thing",
                    )
