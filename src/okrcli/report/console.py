"""The rich Console okr writes to: colour only on a terminal, NO_COLOR respected."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def make_console(width: int | None = None, file=None) -> Console:
    """A console; plain text when piped or when NO_COLOR is set; width from COLUMNS if set."""
    if width is None and os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    return Console(
        file=file or sys.stdout,
        width=width,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
