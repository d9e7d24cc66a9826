"""What cross-file checks need to know about one file, small enough to keep for 10,000 files.

Loading keeps full models only for the files a command needs; validate and lint
process each file completely (parse, validate, single-file rules) and keep just
this summary, which is plain data (JSON for the cache, cheap to pass between
processes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from okrcli.model.location import Span
from okrcli.model.periods import Period, previous_period
from okrcli.repo.repository import Suppression, TeamFile


def _span(span: Span | None) -> tuple | None:
    return None if span is None else (span.line, span.column, span.end_line, span.end_column)


@dataclass(frozen=True)
class ObjectiveSummary:
    id: str
    title: str
    type: str
    aligns_to: str | None
    aligns_span: tuple | None
    title_span: tuple
    id_span: tuple
    key_results: tuple  # ((id, baseline, target), ...)
    score: float  # on as-of


@dataclass(frozen=True)
class FileSummary:
    path: str
    period: str | None
    team: str | None
    valid: bool
    start: str | None = None
    end: str | None = None
    team_span: tuple | None = None
    objectives: tuple = ()
    suppressions: tuple = ()

    @property
    def file(self) -> Path:
        return Path(self.path)

    @property
    def start_date(self) -> date:
        return date.fromisoformat(self.start)

    @property
    def end_date(self) -> date:
        return date.fromisoformat(self.end)

    def to_data(self) -> dict:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict) -> "FileSummary":
        objectives = tuple(
            ObjectiveSummary(**{**o, "aligns_span": _tuple(o["aligns_span"]), "title_span": tuple(o["title_span"]),
                                "id_span": tuple(o["id_span"]), "key_results": tuple(tuple(k) for k in o["key_results"])})
            for o in data["objectives"]
        )
        suppressions = tuple(Suppression(**{**s, "rules": tuple(s["rules"])}) for s in data["suppressions"])
        return cls(**{**data, "team_span": _tuple(data["team_span"]), "objectives": objectives, "suppressions": suppressions})


def _tuple(value):
    return None if value is None else tuple(value)


def summarize(team_file: TeamFile, scores: list[float] | None) -> FileSummary:
    """The summary of a valid file; ``scores`` are its objectives' scores on as-of (0.0 when not needed)."""
    if scores is None:
        scores = [0.0] * len(team_file.okr.objectives)
    source = team_file.source_map
    period = team_file.period
    objectives = tuple(
        ObjectiveSummary(
            id=o.id,
            title=o.title,
            type=o.type,
            aligns_to=o.aligns_to,
            aligns_span=_span(source.value(("objectives", i, "aligns_to"))) if o.aligns_to else None,
            title_span=_span(source.value(("objectives", i, "title"))),
            id_span=_span(source.value(("objectives", i, "id"))),
            key_results=tuple((kr.id, kr.baseline, kr.target) for kr in o.key_results),
            score=score,
        )
        for i, (o, score) in enumerate(zip(team_file.okr.objectives, scores))
    )
    return FileSummary(
        path=str(team_file.path),
        period=team_file.okr.period,
        team=team_file.team,
        valid=True,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        team_span=_span(source.value(("team",))),
        objectives=objectives,
        suppressions=tuple(team_file.suppressions),
    )


def broken(path: Path, declared: tuple) -> FileSummary:
    return FileSummary(path=str(path), period=declared[0], team=declared[1], valid=False)


@dataclass
class SummaryIndex:
    """Lookups over all summaries: files by (period, team), periods by team."""

    summaries: list[FileSummary]
    by_key: dict = field(default_factory=dict)
    by_team: dict = field(default_factory=dict)

    def __post_init__(self):
        for summary in self.summaries:
            if summary.valid:
                self.by_key.setdefault((summary.period, summary.team), summary)
                self.by_team.setdefault(summary.team, []).append(summary)
        for files in self.by_team.values():
            files.sort(key=lambda s: (s.start, s.end))

    def get(self, period: str, team: str) -> FileSummary | None:
        return self.by_key.get((period, team))

    def broken_keys(self) -> set:
        return {(s.period, s.team) for s in self.summaries if not s.valid}

    def team_history(self, team: str) -> list[FileSummary]:
        return self.by_team.get(team, [])

    def previous(self, summary: FileSummary) -> FileSummary | None:
        """The team's file for the latest period of the same length that ended before this one started."""
        return previous_period(summary_period(summary), self.team_history(summary.team), summary_period)


def summary_period(summary: FileSummary) -> Period:
    """The period of a valid file's summary, with the dates the file gives it."""
    return Period(summary.start_date, summary.end_date, summary.period)
