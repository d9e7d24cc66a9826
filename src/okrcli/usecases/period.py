"""Opening one period's files: what score, report and tree read before they compute anything.

When the repository keeps its files in period folders (``okrs/2026-Q4/...``) only the
folders needed are read: the period's own and, for a report, the one before it.
Otherwise, or when no folder holds the day asked about, everything is loaded and the
period is chosen from what the files declare.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from okrcli.model.diagnostics import Severity
from okrcli.model.periods import periods_containing, previous_period_name
from okrcli.repo.config import Settings, find_repository
from okrcli.rules.options import load_settings
from okrcli.repo.discovery import YAML_SUFFIXES, discover, period_folders
from okrcli.repo.repository import Repository
from okrcli.usecases.pipeline import LoadedRepository, load_periods, load_repository

LoadProgress = Callable[[int], AbstractContextManager]
"""Given how many files a full load reads: a context whose value, when not None, is called
after each file (a progress bar)."""


@dataclass
class OpenedPeriod:
    """A repository loaded for one period, and the period chosen."""

    loaded: LoadedRepository
    period: str | None
    """The period asked for, else the current one of the files loaded; None when no file is valid."""

    @property
    def repository(self) -> Repository:
        """The files loaded (the period's, or all of them)."""
        return self.loaded.repository

    @property
    def found(self) -> bool:
        """Whether the chosen period has valid files."""
        return self.period is not None and bool(self.repository.files_in(self.period))

    @property
    def files_with_errors(self) -> int:
        """How many files had errors and were left out."""
        return len({d.file for d in self.loaded.diagnostics if d.severity is Severity.ERROR})


def open_period(
    start: Path,
    period: str | None,
    as_of: date,
    with_previous: bool = False,
    progress: LoadProgress | None = None,
    also: str | None = None,
) -> OpenedPeriod:
    """Load what a command about ``period`` (default: the one containing ``as_of``) needs.

    ``with_previous`` also loads the period before it (a report compares the two), and
    ``also`` one more period (``okr report --compare``).
    ``progress`` is used only when the whole repository is loaded.
    """
    repo_dir = find_repository(start)
    settings = load_settings(repo_dir)
    loaded, period = _load_period_folders(repo_dir, settings, period, as_of, with_previous, also)
    if loaded is None:
        files = discover(repo_dir / settings.root)
        if progress is None:
            loaded = load_repository(repo_dir, settings, files)
        else:
            with progress(len(files)) as on_file:
                loaded = load_repository(repo_dir, settings, files, on_file=on_file)
    return OpenedPeriod(loaded, period or loaded.repository.current_period(as_of))



def _load_period_folders(
    repo_dir: Path, settings: Settings, period: str | None, as_of: date, with_previous: bool, also: str | None = None
) -> tuple[LoadedRepository | None, str | None]:
    """Just the period's folder (and the previous period's), with the period chosen.

    None for the load when a full load must decide. A folder named for a period that
    contains ``as_of`` is that period, even when none of its files is valid: a broken file
    must never make okr show another period instead.
    """
    folders = period_folders(repo_dir / settings.root)
    if folders is None:
        return None, period
    if period is None:
        present = [name for name in periods_containing(as_of) if name in folders]
        if not present:
            return None, None  # custom ranges or no folder for today: let the full load decide
        period = present[0]
    wanted = [period]
    previous = previous_period_name(period, folders) if with_previous else None
    if previous is not None:
        wanted.append(previous)
    if also is not None and also in folders and also not in wanted:
        wanted.append(also)
    return load_periods(repo_dir, settings, wanted), period


def team_file_path(okr_root: Path, period: str, team: str) -> Path | None:
    """``<root>/<period>/<team>.yaml`` (or ``.yml``) when that file exists."""
    for suffix in YAML_SUFFIXES:
        path = okr_root / period / f"{team}{suffix}"
        if path.is_file():
            return path
    return None
