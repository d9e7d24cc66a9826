"""A key result describes an activity or an output instead of a measurable outcome.

## What it does
Flags key results that start with an activity verb ("Launch...", "Implement...",
"Build...", "Migrate...") or count outputs ("Conduct 40 interviews", "Publish 4 posts",
"Hire 12 engineers"), and milestones written as 0 -> 1. Outcomes phrased with verbs
("Increase NPS from 40 to 50", "Achieve 90% on-time delivery", "Reduce churn by 20%")
are not flagged: the rule is tuned for precision (see docs/lint.md for its measured
precision and recall).

## Why is this bad?
A key result is measurable proof that the objective happened. If a statement sounds
like work, it is an initiative: a team can complete every task and still not move the
metric. Task-style key results score 0 or 1 and hide whether anything improved.

## Example
```yaml
key_results:
  - id: returns-portal
    title: Launch the self-serve returns portal
    baseline: 0
    target: 1
```

## Use instead
State the change the work should cause, and keep the work as an initiative:
```yaml
key_results:
  - id: return-handling-time
    title: Cut return handling time from 6 days to 2 days
    baseline: 6
    target: 2
    unit: days
initiatives:
  - Launch the self-serve returns portal
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import Option, Words
from okrcli.language.quality import task_style

NAME = "kr-task-style"
SEVERITY = Severity.WARNING
OPTIONS = {
    "task_verbs": Option((), Words, "more verbs that mark a key result as a task", lint_key="task_verbs"),
    "outcome_verbs": Option((), Words, "more verbs that mark an outcome", lint_key="outcome_verbs"),
}


def findings(ctx):
    extra_task = frozenset(w.lower() for w in ctx.options(NAME)["task_verbs"])
    extra_outcome = frozenset(w.lower() for w in ctx.options(NAME)["outcome_verbs"])
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            for k, kr in enumerate(objective.key_results):
                finding = task_style(kr.title, kr.baseline, kr.target, extra_task, extra_outcome)
                if finding:
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "key_results", k, "title"),
                        f"key result '{kr.id}' reads as a task: {finding.reason}",
                        finding.suggestion,
                    )
