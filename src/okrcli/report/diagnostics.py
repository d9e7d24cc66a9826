"""Render diagnostics: concise lines, a full form with excerpt and caret, JSON.

The full form follows hledger's error layout::

    okrs/2026-Q4/sales.yaml:12:7: error[unknown-field] unknown field 'targte' in key result 'nps'
       |
    12 |       targte: 50
       |       ^^^^^^
       = hint: did you mean 'target'?

Messages quote file content (an unknown key, a bad value) and name files, so every line is
escaped with :func:`printable`: a control character is shown as ``\\x1b``, never sent raw.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from okrcli.model.diagnostics import Diagnostic, display_path
from okrcli.model.text import printable
from okrcli.report.json_text import json_document

LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Where YAML (libyaml), and so every line number okr reports, ends a line."""


def concise(diag: Diagnostic, base: Path | None = None) -> str:
    """``file:line:column: severity[rule] message`` on one line."""
    where = f"{display_path(diag.file, base)}:{diag.line}:{diag.column}"
    return printable(f"{where}: {diag.severity.value}[{diag.rule}] {diag.message}", one_line=True)


@lru_cache(maxsize=64)
def _lines(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    lines = LINE_BREAKS.split(text)
    return lines[:-1] if lines[-1] == "" else lines  # no line after the last line break


def excerpt(diag: Diagnostic) -> list[str]:
    """The source line of the diagnostic with a caret line under the offending node."""
    if diag.file is None:
        return []
    lines = _lines(str(diag.file))
    if not 1 <= diag.line <= len(lines):
        return []
    source = lines[diag.line - 1].replace("\t", " ")
    number = str(diag.line)
    pad = " " * len(number)
    width = 1
    if diag.span.end_line == diag.line and diag.span.end_column > diag.column:
        width = diag.span.end_column - diag.column
    width = max(1, min(width, len(source) - diag.column + 1))
    # columns count characters; an escaped character takes several, so the caret moves with it
    before = len(printable(source[: diag.column - 1], one_line=True))
    under = len(printable(source[diag.column - 1 : diag.column - 1 + width], one_line=True))
    caret = " " * before + "^" * max(1, under)
    return [f"{pad} |", f"{number} | {printable(source, one_line=True)}", f"{pad} | {caret}"]


def full(diag: Diagnostic, base: Path | None = None) -> list[str]:
    lines = [concise(diag, base), *excerpt(diag)]
    if diag.hint:
        pad = " " * len(str(diag.line))
        lines.append(f"{pad} = hint: {printable(diag.hint, one_line=True)}")
    return lines


def as_json(diagnostics: list[Diagnostic], base: Path | None = None) -> str:
    return json_document([d.as_dict(base) for d in diagnostics])


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    counts = Counter(d.severity.value for d in diagnostics)
    parts = [
        f"{counts[name]} {name}{'s' if counts[name] != 1 else ''}"
        for name in ("error", "warning", "info")
        if counts[name]
    ]
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    return f"{checked}: " + (", ".join(parts) if parts else "no problems")
