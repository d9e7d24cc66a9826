"""An `aligns_to` reference is not written as a reference.

## What it does
Reports an `aligns_to` that is not `team/objective-id`, `team/objective-id/kr-id`, or one
of those after a period and a colon (`2026:company/customer-trust`). A reference in the
right form that names nothing is `alignment-unknown`.

## Why is this bad?
Alignment trees and roll-ups follow these references; a free-text description of what an
objective supports cannot be followed.

## Example
```yaml
aligns_to: the company's efficient growth objective
```

## Use instead
```yaml
aligns_to: company/efficient-growth
```
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "bad-reference"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
