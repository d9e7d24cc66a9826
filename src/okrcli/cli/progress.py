"""A transient progress indicator for long loads, on a terminal only."""

from __future__ import annotations

from pathlib import Path

THRESHOLD = 200
"""Below this many files loading is too quick for a progress bar to help."""


def open_with_progress(start: Path):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from okrcli.repo.config import find_repository, load_settings
    from okrcli.repo.discovery import discover
    from okrcli.usecases.pipeline import load_repository

    repo_dir = find_repository(start)
    settings = load_settings(repo_dir)
    files = discover(repo_dir / settings.root)
    if len(files) < THRESHOLD:
        return load_repository(repo_dir, settings, files)
    console = Console(stderr=True)
    with Progress(TextColumn("loading OKR files"), BarColumn(), MofNCompleteColumn(), console=console, transient=True) as progress:
        task = progress.add_task("load", total=len(files))
        return load_repository(repo_dir, settings, files, on_file=lambda: progress.advance(task))
