"""An objective title is too long to remember.

## What it does
Flags objective titles with more words than the `max_words` option (default 12).

## Why is this bad?
An objective should be short and memorable enough that the team can say it without
looking. Long titles usually smuggle in key results, tasks or caveats.

## Example
```yaml
title: Improve the onboarding experience for new enterprise customers by fixing the setup wizard and documentation
```

## Use instead
```yaml
title: New enterprise customers succeed in their first week
```
and put the specifics in key results and initiatives.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.language.quality import word_count
from okrcli.rules.base import Option, PositiveInt

NAME = "objective-too-long"
SEVERITY = Severity.WARNING
OPTIONS = {"max_words": Option(12, PositiveInt, "the most words an objective title may have", lint_key="max_objective_words")}


def findings(ctx):
    limit = ctx.options(NAME)["max_words"]
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            words = word_count(objective.title)
            if words > limit:
                yield ctx.finding(
                    NAME, SEVERITY, team_file, ("objectives", o, "title"),
                    f"objective '{objective.id}' has {words} words (more than {limit})",
                    "keep the objective short and memorable; move detail into key results",
                )
