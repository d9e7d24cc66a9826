"""The loaded, validated OKR repository and lookups over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.repo.config import Settings
from okrcli.model.location import SourceMap
from okrcli.model.okrfile import OkrFile
from okrcli.model.periods import Period, is_period_name, make_period, period_sort_key, previous_period_name


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
        """The shortest period containing ``today``; otherwise the latest one that started;
        otherwise the earliest. Periods whose files all have errors count too: a broken file
        makes an error about its period, never a report of another one."""
        periods = [f.period for f in self.files] + [make_period(name) for name in self.broken_periods()]
        containing = [p for p in periods if p.contains(today)]
        if containing:
            return min(containing, key=lambda p: (p.days, p.name)).name
        started = [p for p in periods if p.start <= today]
        if started:
            return max(started, key=lambda p: (p.end, -p.days)).name
        if periods:
            return min(periods, key=lambda p: (p.start, p.days)).name
        names = self.periods()
        return names[0] if names else None

    def broken_periods(self) -> set[str]:
        """Periods declared only by files with errors (none of their files is valid)."""
        valid = {f.okr.period for f in self.files}
        return {p for p, _ in self.broken.values() if p and p not in valid and is_period_name(p)}

    def broken_files(self, period: str | None, team: str | None = None) -> list[Path]:
        """The files with errors that declare ``period`` (None: those too broken to say one), of
        ``team`` when given (a file too broken to say its team counts for any)."""
        return sorted(
            path for path, (p, t) in self.broken.items() if p == period and (team is None or t in (None, team))
        )

    def previous_period(self, period: str) -> str | None:
        """The period before ``period`` among those present (same kind, ended before it started),
        counting periods whose files all have errors: skipping one would compare with the
        period before it, as if the broken one did not exist."""
        names = sorted(set(self.periods()) | self.broken_periods(), key=period_sort_key)
        return previous_period_name(period, names) if period in names else None
