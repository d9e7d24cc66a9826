"""An objective describes business as usual ("Maintain...", "Keep...", "Continue...").

## What it does
Flags objectives whose first word is maintain, keep, continue, ensure, sustain, preserve,
support, manage, monitor or uphold, and those of the `words` option.

## Why is this bad?
OKRs name the few changes worth a quarter's focus. "Close the books every month" or
"Maintain uptime" is a job description: it belongs in a health metric (a guardrail), not
in an objective competing for attention.

## Example
```yaml
- id: uptime
  title: Maintain platform uptime
```

## Use instead
Track the steady state as a guardrail, and aim the objective at a change:
```yaml
objectives:
  - id: calm-on-call
    title: On-call stops waking people up
guardrails:
  - id: uptime
    title: Availability stays above 99.9%
    threshold: 99.9
    must_stay: above
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.language.quality import business_as_usual_word
from okrcli.rules.base import Option, Words

NAME = "objective-business-as-usual"
SEVERITY = Severity.WARNING
OPTIONS = {"words": Option((), Words, "more first words that mark business as usual", lint_key="business_as_usual_words")}


def findings(ctx):
    extra = frozenset(w.lower() for w in ctx.options(NAME)["words"])
    for team_file in ctx.files:
        for o, objective in enumerate(team_file.okr.objectives):
            verb = business_as_usual_word(objective.title, extra)
            if verb:
                yield ctx.finding(
                    NAME, SEVERITY, team_file, ("objectives", o, "title"),
                    f"objective '{objective.id}' starts with '{verb}': it sounds like business as usual",
                    "aim the objective at a change worth a quarter's focus; watch the steady state as a guardrail",
                )
