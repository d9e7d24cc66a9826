"""Diagnostics: every problem okr finds is a value, never an exception.

A :class:`Diagnostic` names the rule that produced it, its severity, a
message a person can act on, where it is (file and 1-based span) and an
optional hint with the suggested fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from enum import Enum
from pathlib import Path

from okrcli.model.location import FILE_START, Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    rule: str
    severity: Severity
    message: str
    file: Path | None = None
    span: Span = FILE_START
    hint: str | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (str(self.file or ""), self.span.line, self.span.column, self.rule)

    def to_data(self) -> list:
        """A compact JSON-able form for the cache and worker processes (see :meth:`from_data`)."""
        s = self.span
        return [self.rule, self.severity.value, self.message, str(self.file) if self.file else None,
                s.line, s.column, s.end_line, s.end_column, self.hint]

    @classmethod
    def from_data(cls, data: list) -> "Diagnostic":
        rule, severity, message, file, line, column, end_line, end_column, hint = data
        return cls(rule, Severity(severity), message, Path(file) if file else None, Span(line, column, end_line, end_column), hint)

    def as_dict(self, relative_to: Path | None = None) -> dict:
        """The JSON form: ``{file, line, column, end_line, end_column, rule, severity, message}``."""
        return {
            "file": display_path(self.file, relative_to),
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


def error(rule: str, message: str, file: Path | None, span: Span = FILE_START, hint: str | None = None) -> Diagnostic:
    return Diagnostic(rule, Severity.ERROR, message, file, span, hint)


def warning(rule: str, message: str, file: Path | None, span: Span = FILE_START, hint: str | None = None) -> Diagnostic:
    return Diagnostic(rule, Severity.WARNING, message, file, span, hint)


def display_path(path: Path | None, relative_to: Path | None = None) -> str:
    """A path as users see it: relative to ``relative_to`` when it lies under it."""
    if path is None:
        return "<unknown>"
    if relative_to is not None:
        # files found by okr are already absolute and resolved; resolve only what is not
        target = path if path.is_absolute() else _resolved(path)
        try:
            return target.relative_to(_resolved(relative_to)).as_posix()
        except ValueError:
            try:
                return _resolved(path).relative_to(_resolved(relative_to)).as_posix()
            except ValueError:
                pass
    return path.as_posix()


@lru_cache(maxsize=256)
def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))  # unlike Path.resolve (before 3.13), never raises on a loop of links


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
