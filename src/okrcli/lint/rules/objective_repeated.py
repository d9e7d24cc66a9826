"""An objective repeats the team's previous period with the same key results.

## What it does
Flags an objective whose title is nearly identical (90% similar) to one of the team's
objectives in its previous period of the same length, when the key results did not change
(same ids, baselines and targets).

## Why is this bad?
The same objective quarter after quarter, unchanged, is a smell: either it is business as
usual (a guardrail), or last period's learnings did not feed this period's plan.

## Example
`finance/faster-close` in 2026-Q4 copies 2026-Q3 word for word, with the same key results.

## Use instead
Use `okr draft --carry-over` (baselines move to the latest values), change the approach
and the targets, or turn the metric into a guardrail.
"""

from __future__ import annotations

import difflib

from okrcli.diagnostics import Severity

NAME = "objective-repeated"
SEVERITY = Severity.WARNING
SIMILARITY = 0.9


def _key_results(objective) -> list[tuple]:
    return sorted((kr.id, kr.baseline, kr.target) for kr in objective.key_results)


def check(ctx):
    for team_file in ctx.files:
        previous_name = ctx.repository.previous_period(team_file.okr.period)
        previous = ctx.repository.file_for(previous_name, team_file.team) if previous_name else None
        if previous is None:
            continue
        for o, objective in enumerate(team_file.okr.objectives):
            for old in previous.okr.objectives:
                ratio = difflib.SequenceMatcher(None, objective.title.lower(), old.title.lower()).ratio()
                if ratio >= SIMILARITY and _key_results(objective) == _key_results(old):
                    yield ctx.finding(
                        NAME, SEVERITY, team_file, ("objectives", o, "title"),
                        f"objective '{objective.id}' repeats {previous_name}'s '{old.id}' with the same key results",
                        "carry it over with new baselines (okr draft --carry-over), change the targets, or make it a guardrail",
                    )
                    break
