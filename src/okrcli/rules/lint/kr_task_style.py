"""A key result describes an activity or an output instead of a measurable outcome.

## What it does
Flags key results written as tasks, and names which kind: a habit ("Post on LinkedIn 3
times a week"), a count of your own output ("Publish 12 tutorials", "Grow docs pages
from 180 to 260"), the end state of a deliverable ("Payments SDK v3 released"), an
activity ("Implement SSO", "Team leads to run a weekly office hour", "Ensure backups
are tested"), a meeting held, coverage ("Every account gets a quarterly review"), a
milestone ("File the tax return by April 15", or 0 -> 1) or headcount ("Hire 2
engineers"). Outcomes are not flagged, whatever the verb: a measured change ("Increase
NPS from 40 to 50"), a level or a time limit ("Answer 90% of tickets within 4 hours"),
what other people do ("Acquire 400 qualified leads", "2,000 newsletter subscribers").
Rules decide first, then outcome vetoes, then a small learned model; docs/lint.md shows
its measured precision and recall. It is an error by default, so CI stops on it.

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
from okrcli.language.task_style import task_style

NAME = "kr-task-style"
SEVERITY = Severity.ERROR
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
