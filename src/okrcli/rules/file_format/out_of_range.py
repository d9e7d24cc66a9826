"""A number is outside its allowed range.

## What it does
Reports a `confidence` outside 0.0 to 1.0 and a `weight` that is not above 0.

## Why is this bad?
Confidence is a probability and weights divide an objective's score: a confidence of 70 or
a weight of 0 would make scores and forecasts meaningless.

## Example
```yaml
confidence: 70
```

## Use instead
```yaml
confidence: 0.7
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "out-of-range"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
