"""A transient progress indicator for long loads, on a terminal only."""

from __future__ import annotations

from contextlib import contextmanager

THRESHOLD = 200
"""Below this many files loading is too quick for a progress bar to help."""


@contextmanager
def progress_bar(total: int):
    """A bar on stderr advanced by the callable it yields; nothing (None) below THRESHOLD files."""
    if total < THRESHOLD:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    with Progress(TextColumn("loading OKR files"), BarColumn(), MofNCompleteColumn(), console=console, transient=True) as progress:
        task = progress.add_task("load", total=total)
        yield lambda: progress.advance(task)
