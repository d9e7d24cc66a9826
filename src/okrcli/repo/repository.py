"""The loaded, validated OKR repository and lookups over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrcli.repo.config import Settings
from okrcli.model.location import SourceMap
from okrcli.model.okrfile import KeyResult, Objective, OkrFile
from okrcli.model.periods import Period, make_period, period_sort_key
from okrcli.model.references import Reference


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
        return self.okr.team

    @property
    def period(self) -> Period:
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
        return [f for f in self.files if f.okr.period == period]

    def file_for(self, period: str, team: str) -> TeamFile | None:
        for team_file in self.files:
            if team_file.okr.period == period and team_file.okr.team == team:
                return team_file
        return None

    def is_broken(self, period: str, team: str) -> bool:
        return (period, team) in self.broken.values()

    def resolve(self, ref: Reference, period: str) -> tuple[TeamFile, Objective, KeyResult | None] | None:
        """Find what ``ref`` names; ``period`` is used when the reference has none."""
        team_file = self.file_for(ref.period or period, ref.team)
        if team_file is None:
            return None
        for objective in team_file.okr.objectives:
            if objective.id == ref.objective:
                if ref.key_result is None:
                    return team_file, objective, None
                for kr in objective.key_results:
                    if kr.id == ref.key_result:
                        return team_file, objective, kr
                return None
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
        names = self.periods()
        if period not in names:
            return None
        current = make_period(period)
        earlier = [n for n in names if make_period(n).end < current.start and len(n) == len(period)]
        return earlier[-1] if earlier else None

