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

from okrcli.model.diagnostics import Severity

NAME = "objective-repeated"
SEVERITY = Severity.WARNING
SCOPE = "repository"
SIMILARITY = 0.9


def findings(ctx):
    for summary in ctx.index.summaries:
        if not summary.valid:
            continue
        previous = ctx.index.previous(summary)
        if previous is None:
            continue
        old_by_krs = {}
        for old in previous.objectives:
            old_by_krs.setdefault(tuple(sorted(old.key_results)), []).append(old)
        for objective in summary.objectives:
            # unchanged key results first: cheap, and rare; only then compare titles
            for old in old_by_krs.get(tuple(sorted(objective.key_results)), []):
                ratio = difflib.SequenceMatcher(None, objective.title.lower(), old.title.lower()).ratio()
                if ratio >= SIMILARITY:
                    yield ctx.summary_finding(
                        NAME, SEVERITY, summary, objective.title_span,
                        f"objective '{objective.id}' repeats {previous.period}'s '{old.id}' with the same key results",
                        "carry it over with new baselines (okr draft --carry-over), change the targets, or make it a guardrail",
                    )
                    break
