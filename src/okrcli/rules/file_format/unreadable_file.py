"""The file cannot be read.

## What it does
Reports an OKR file that okr found but could not read, for example because of its
permissions or because it disappeared while okr ran; a folder under the root that okr may
not read (the OKR files in it are not checked); and a link under the root that points to
nothing or back to itself.

## Why is this bad?
An unreadable file is left out of scores and reports; without the error a team's OKRs
would silently vanish.

## Example
`okrs/2026-Q4/finance.yaml` with permissions `---------`.

## Use instead
Give yourself read access (`chmod u+r okrs/2026-Q4/finance.yaml`, `chmod u+rx` for a
folder), fix or remove the link, or remove the file.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "unreadable-file"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
