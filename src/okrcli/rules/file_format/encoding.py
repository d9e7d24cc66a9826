"""The file is not UTF-8.

## What it does
Reports the first byte that is not valid UTF-8, with its line and column; a UTF-16 file is
named as such. A UTF-8 byte order mark is allowed.

## Why is this bad?
OKR files are read the same way on every machine and in CI only if their encoding is
fixed: a Latin-1 "ö" turns into garbage or an error elsewhere.

## Example
A file saved as Latin-1 (Windows-1252) containing `owner: Göran`.

## Use instead
Save the file as UTF-8 ("Save with encoding" in most editors); the text stays the same.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "encoding"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
