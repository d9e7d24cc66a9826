"""okr schema: the JSON Schema of OKR files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def schema(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path], typer.Option("-o", "--output", help="Write to FILE instead of standard output (- for standard output).")
    ] = None,
) -> int:
    """Print the JSON Schema (draft-07) of the OKR file format.

    Editors with yaml-language-server use it for completion and inline errors:
    start a file with `# yaml-language-server: $schema=okr.schema.json`.
    """
    from okrcli.cli.common import given_path, out
    from okrcli.usecases.init import schema_text, write_schema

    if output is None or output == Path("-"):  # -: standard output
        out(schema_text().rstrip("\n"))
    else:
        write_schema(given_path(ctx, output))
    return 0
