"""Errors that stop a command.  Each carries the exit code it maps to.

Bad *data* never raises: it becomes a :class:`~okrcli.model.diagnostics.Diagnostic`.
These exceptions are for problems that make a command impossible to run
(no repository, a broken okr.toml, a bad option), all exit code 2, and for
refused edits (exit 1).
"""

from __future__ import annotations


class OkrError(Exception):
    """Base class; ``exit_code`` is what the command exits with."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(OkrError):
    exit_code = 2


class ConfigError(OkrError):
    """okr.toml is missing, unreadable or invalid."""

    exit_code = 2


class RepositoryNotFound(ConfigError):
    pass


class EditRefused(OkrError):
    """A write was refused because the result would be wrong (exit 1)."""

    exit_code = 1


class WriteError(OkrError):
    """A file could not be written (permissions, a full disk, a missing folder, a read-only file).

    The original file is always left as it was.
    """

    exit_code = 2
