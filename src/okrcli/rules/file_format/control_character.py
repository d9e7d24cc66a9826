"""Text contains a control character.

## What it does
Reports text values that contain a control character (escape, backspace, DEL, ...), a
Unicode line separator or a bidirectional override, pointing at the value. Tabs and line
breaks are fine.

## Why is this bad?
These characters are invisible in editors and reviews, and terminals act on some of them:
an escape sequence in a title can rewrite what `okr score` shows, and a bidirectional
override makes text display differently from what it says.

## Example
```yaml
title: "Cut churn\\e[2K from 5% to 3%"
```

## Use instead
```yaml
title: Cut churn from 5% to 3%
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "control-character"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
