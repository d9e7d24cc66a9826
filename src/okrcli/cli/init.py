"""okr init: start an OKR repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Folder to initialise (created if missing; relative to -C).")] = Path("."),
    team: Annotated[str, typer.Option(help="Slug of the sample team file.")] = "my-team",
) -> int:
    """Create okr.toml, okr.schema.json and a sample team file for the current quarter.

    Never overwrites an existing file: files already there are left as they are.
    """
    from datetime import date

    from okrcli.cli.common import fail, out
    from okrcli.model.references import SLUG_PATTERN

    import re

    if not re.match(SLUG_PATTERN, team):
        fail(f"--team {team!r} is not a slug", hint="use lowercase letters, digits and hyphens, e.g. finance-ops")
    from okrcli.cli.common import given_path
    from okrcli.usecases.init import init_repository

    directory = given_path(ctx, directory)
    for item in init_repository(directory, date.today(), team):
        out(f"{'created' if item.created else 'exists, left as it is'}: {item.path}")
    out(f"next: okr -C {directory} validate")
    return 0
