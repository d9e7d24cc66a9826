"""A suppression comment silences nothing.

## What it does
Reports `# okr: disable-line RULE` and `# okr: disable-file RULE` comments that did not
suppress any finding, and those naming a rule that does not exist. A comment naming a rule
okr.toml turns off is reported as naming a rule that is not enabled; one naming a rule this
run leaves out (`--ignore`, `--select`) is not judged: it may be needed when the rule runs.

## Why is this bad?
Stale suppressions hide the next real problem on that line and make reviewers wonder why
they are there.

## Example
```yaml
title: Raise NPS from 40 to 50  # okr: disable-line kr-task-style
```

## Use instead
Remove the comment. Keep suppressions for real exceptions, with a reason:
`# okr: disable-line kr-task-style -- a regulatory milestone we must report as done/not done`.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity

NAME = "unused-suppression"
SEVERITY = Severity.INFO
# Reported by the runner, which is the only place that knows what each comment silenced.
