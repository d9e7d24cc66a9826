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

from okrcli.model.location import SourceMap, Span
from okrcli.model.periods import Period, previous_period
from okrcli.model.references import parse_reference
from okrcli.repo.repository import Suppression, TeamFile
from okrcli.rules import raw_parts as raw


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
    """One file for the cross-file checks and the repository rules.

    ``valid``: the file has no errors (only valid files are scored and judged by lint).
    ``objectives`` lists what the file holds even when it has errors: all of it when the
    model validated, its well-formed objectives otherwise; ``objectives_known`` says the
    list is complete, so a reference that finds nothing in it is certainly unknown.
    ``team_span`` is set when the file declares a well-formed team and period.
    """

    path: str
    period: str | None
    team: str | None
    valid: bool
    start: str | None = None
    end: str | None = None
    team_span: tuple | None = None
    objectives: tuple = ()
    suppressions: tuple = ()
    objectives_known: bool = False

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


def summarize(team_file: TeamFile, scores: list[float] | None, valid: bool = True) -> FileSummary:
    """The summary of a file whose model validated (``valid``: and no other check found an error);
    ``scores`` are its objectives' scores on as-of (0.0 when not needed)."""
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
        valid=valid,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        team_span=_span(source.value(("team",))),
        objectives=objectives,
        suppressions=tuple(team_file.suppressions),
        objectives_known=True,
    )


def summarize_parts(path: Path, data: dict, source: SourceMap, declared: tuple) -> FileSummary:
    """The summary of a file whose model did not validate, from its well-formed parts."""
    period, team = raw.period_name(data.get("period")), raw.slug(data.get("team"))
    objectives = []
    known = isinstance(data.get("objectives"), list)
    for index, item in enumerate(raw.listed(data, "objectives")):
        ident = raw.slug(item.get("id")) if isinstance(item, dict) else None
        if ident is None:
            known = False
            continue
        krs = raw.listed(item, "key_results")
        kr_ids = [raw.slug(kr.get("id")) if isinstance(kr, dict) else None for kr in krs]
        known = known and isinstance(item.get("key_results"), list) and None not in kr_ids
        aligns_to = raw.reference(item.get("aligns_to"))
        if aligns_to and period is None and parse_reference(aligns_to).period is None:
            aligns_to = None  # relative to a period the file does not give well-formed: cannot be judged
        base = ("objectives", index)
        objectives.append(
            ObjectiveSummary(
                id=ident,
                title=item.get("title") if isinstance(item.get("title"), str) else "",
                type=item.get("type") if isinstance(item.get("type"), str) else "",
                aligns_to=aligns_to,
                aligns_span=_span(source.value(base + ("aligns_to",))) if aligns_to else None,
                title_span=_span(source.value(base + ("title",))),
                id_span=_span(source.value(base + ("id",))),
                key_results=tuple(
                    (kr_id, raw.number(kr.get("baseline")), raw.number(kr.get("target")))
                    for kr_id, kr in zip(kr_ids, krs)
                    if kr_id is not None
                ),
                score=0.0,
            )
        )
    return FileSummary(
        path=str(path),
        period=period or declared[0],
        team=team or declared[1],
        valid=False,
        team_span=_span(source.value(("team",))) if period and team else None,
        objectives=tuple(objectives),
        objectives_known=known,
    )


def broken(path: Path, declared: tuple) -> FileSummary:
    """The summary of a file that could not be read as a mapping: only what it seems to declare."""
    return FileSummary(path=str(path), period=declared[0], team=declared[1], valid=False)


@dataclass
class SummaryIndex:
    """Lookups over all summaries: files by (period, team), periods by team.

    ``get`` finds a file with errors too (references resolve against what it holds);
    ``team_history`` and ``previous`` see valid files only (they compare scores).
    """

    summaries: list[FileSummary]
    by_key: dict = field(default_factory=dict)
    by_team: dict = field(default_factory=dict)

    def __post_init__(self):
        # a valid file wins over a broken one declaring the same team and period
        for summary in sorted(self.summaries, key=lambda s: not s.valid):
            if summary.objectives:
                self.by_key.setdefault((summary.period, summary.team), summary)
            if summary.valid:
                self.by_team.setdefault(summary.team, []).append(summary)
        for files in self.by_team.values():
            files.sort(key=lambda s: (s.start, s.end))

    def get(self, period: str, team: str) -> FileSummary | None:
        """The file of ``team`` for ``period`` that lists objectives (valid or not), if any."""
        return self.by_key.get((period, team))

    def broken_keys(self) -> set:
        """(period, team) of the files whose objectives are not all known: references into them cannot be judged."""
        return {(s.period, s.team) for s in self.summaries if not (s.valid or s.objectives_known)}

    def team_history(self, team: str) -> list[FileSummary]:
        return self.by_team.get(team, [])

    def previous(self, summary: FileSummary) -> FileSummary | None:
        """The team's file for the latest period of the same length that ended before this one started."""
        return previous_period(summary_period(summary), self.team_history(summary.team), summary_period)


def summary_period(summary: FileSummary) -> Period:
    """The period of a valid file's summary, with the dates the file gives it."""
    return Period(summary.start_date, summary.end_date, summary.period)
