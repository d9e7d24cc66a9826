"""The loaded, validated OKR repository and lookups over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.repo.config import Settings
from okrcli.model.location import SourceMap
from okrcli.model.okrfile import OkrFile
from okrcli.model.periods import Period, make_period, period_sort_key, previous_period_name


@dataclass(frozen=True)
class Suppression:
    """A ``# okr: disable-line RULE`` or ``# okr: disable-file RULE`` comment."""

    kind: str  # "line" or "file"
    rules: tuple[str, ...]
    line: int
    column: int
    reason: str | None
    applies_to: int | None  # the line it silences (disable-line), None for the file


@dataclass
class TeamFile:
    """One valid OKR file: a team's objectives for one period."""

    path: Path
    okr: OkrFile
    source_map: SourceMap
    suppressions: tuple[Suppression, ...] = ()

    @property
    def team(self) -> str:
        """The team the file is for."""
        return self.okr.team

    @property
    def period(self) -> Period:
        """The file's period, with the start and end dates it overrides."""
        return make_period(self.okr.period, self.okr.start, self.okr.end)


@dataclass
class Repository:
    """Every valid OKR file under the root, plus the files that failed to load."""

    repo_dir: Path
    settings: Settings
    files: list[TeamFile] = field(default_factory=list)
    broken: dict[Path, tuple[str | None, str | None]] = field(default_factory=dict)
    """Files that did not validate, with the (period, team) they seem to declare."""
    known_periods: set[str] = field(default_factory=set)
    """Periods known to exist (from folder names) even when their files were not loaded."""

    def periods(self) -> list[str]:
        """Period names present, oldest first."""
        return sorted({f.okr.period for f in self.files} | self.known_periods, key=period_sort_key)

    def files_in(self, period: str) -> list[TeamFile]:
        """The valid files of ``period``."""
        return [f for f in self.files if f.okr.period == period]

    def file_for(self, period: str, team: str) -> TeamFile | None:
        """The valid file of ``team`` for ``period``, if there is one."""
        for team_file in self.files:
            if team_file.okr.period == period and team_file.okr.team == team:
                return team_file
        return None

    def current_period(self, today: date) -> str | None:
        """The shortest period containing ``today``; otherwise the latest one that started."""
        containing = [f.period for f in self.files if f.period.contains(today)]
        if containing:
            return min(containing, key=lambda p: (p.days, p.name)).name
        started = [f.period for f in self.files if f.period.start <= today]
        if started:
            return max(started, key=lambda p: (p.end, -p.days)).name
        names = self.periods()
        return names[0] if names else None

    def previous_period(self, period: str) -> str | None:
        """The period before ``period`` among those present (same kind, ended before it started),
        counting periods whose files all have errors: skipping one would compare with the
        period before it, as if the broken one did not exist."""
        names = sorted(set(self.periods()) | {p for p, _ in self.broken.values() if p}, key=period_sort_key)
        return previous_period_name(period, names) if period in names else None
