"""okr validate: load every OKR file and report what is wrong, where, and how to fix it."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from okrcli.cli.common import RepoOption


class DiagnosticFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"


def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="PATH", help="Files or folders to report on (default: every OKR file).", show_default=False),
    ] = None,
    output_format: Annotated[
        Optional[DiagnosticFormat],
        typer.Option(
            "--format", case_sensitive=False,
            help="full: source line and caret; concise: one line each; json: a list of objects. "
            "Default: full on a terminal, concise otherwise.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the per-file result cache.")] = False,
    repo: RepoOption = None,
) -> int:
    """Check OKR files against the format and report every problem with file, line and column.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or
    configuration problem (no okr.toml, a bad okr.toml, a missing path).

    Examples:

      okr validate

      okr -C examples/acme validate --format json

      okr validate okrs/2026-Q4/sales.yaml
    """
    from okrcli.cli.common import fail, start_dir, stdout_is_terminal
    from okrcli.cli.diagnostics_output import print_diagnostics
    from okrcli.model.diagnostics import has_errors
    from okrcli.cli.common import parse_day
    from okrcli.usecases.diagnose import diagnose

    from okrcli.cli.common import given_path

    paths = [given_path(ctx, path, repo) for path in paths or []]
    for path in paths:
        if not path.exists():
            fail(f"{path}: no such file or folder", code=2)
    diagnostics, checked = diagnose(start_dir(ctx, repo), paths or None, parse_day(None, "--as-of"), False, use_cache=not no_cache)
    chosen = output_format or (DiagnosticFormat.full if stdout_is_terminal() else DiagnosticFormat.concise)
    print_diagnostics(diagnostics, chosen.value, checked)
    return 1 if has_errors(diagnostics) else 0
