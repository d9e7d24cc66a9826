"""The file cannot be read.

## What it does
Reports an OKR file that okr found but could not read, for example because of its
permissions or because it disappeared while okr ran.

## Why is this bad?
An unreadable file is left out of scores and reports; without the error a team's OKRs
would silently vanish.

## Example
`okrs/2026-Q4/finance.yaml` with permissions `---------`.

## Use instead
Give yourself read access (`chmod u+r okrs/2026-Q4/finance.yaml`), or remove the file.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "unreadable-file"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
