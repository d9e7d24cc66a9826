"""The file is not valid YAML.

## What it does
Reports YAML that cannot be parsed: an unclosed bracket or quote, tab indentation, several
documents in one file, a mapping key that is not a plain word, characters YAML does not
allow, or nesting deeper than okr reads. It points at the place the parser stopped.

## Why is this bad?
Nothing else in the file can be checked until it parses, and other tools (editors, CI
scripts) may read a broken file differently or not at all.

## Example
```yaml
owner: [omar-haddad
```

## Use instead
```yaml
owner: omar-haddad
```
Indent with spaces, never tabs, and keep one document (no `---`) per file.
"""

from __future__ import annotations

from okrcli.model.diagnostics import Severity
from okrcli.rules.base import LOADER

NAME = "yaml-syntax"
SEVERITY = Severity.ERROR
REPORTED_BY = LOADER
