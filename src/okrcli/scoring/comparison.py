"""Comparing a period with another like for like: at the same point of both, or final against final.  Pure.

Mid-quarter scores are never set against last quarter's final ones. While the period runs,
the other period is scored on the same day of its own span (day 51 of 92 against day 51 of
its days), from the check-ins in force then; once both have ended, final against final.
Objectives are matched by carry-over lineage first, then by reference (``team/objective``):
an objective whose ``notes`` say ``Carried over from PERIOD (team/objective, ...`` (what
``okr draft --carry-over`` writes) matches the objective that note names; a note without the
reference (``Carried over from PERIOD``, as earlier versions wrote) matches the team's only
objective of the same title in that period. A period named in a note matches only itself
(2026-Q3 never matches a note about 2026-Q30).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from okrcli.repo.repository import Repository
from okrcli.scoring.scores import ObjectiveResult, PeriodResult, score_period

CARRIED_OVER = "Carried over from {period}"
"""How carry-over notes name the period an objective came from."""


@dataclass
class Comparison:
    """Another period's scores on the day that compares with the report's as-of."""

    period: str
    as_of: date
    final: bool
    """True when both periods have ended and final scores are compared."""
    day: int
    days_total: int
    team_scores: dict[str, float] = field(default_factory=dict)
    objective_scores: dict[str, float] = field(default_factory=dict)
    """The matched objective's score, keyed by the reference of the report's objective."""

    @property
    def basis(self) -> str:
        """``final`` or ``same-point``: the JSON's word for how the two were compared."""
        return "final" if self.final else "same-point"

    def describe(self, day: int, days_total: int) -> str:
        """What was compared with what, in words a reader can check."""
        if self.final:
            return f"final scores against {self.period}'s final scores"
        return f"day {day} of {days_total} against day {self.day} of {self.period} ({self.as_of})"


def compare(repo: Repository, current: PeriodResult, other: str) -> Comparison | None:
    """``other``'s scores at the point that compares with ``current``'s as-of; None when it has no files."""
    files = repo.files_in(other)
    if not files:
        return None
    start = min(f.period.start for f in files)
    end = max(f.period.end for f in files)
    final = current.as_of >= current.end and current.as_of >= end
    if final:
        day = end
    else:
        offset = max(0, (min(current.as_of, current.end) - current.start).days)
        day = start + timedelta(days=min(offset, (end - start).days))  # never past its end, nor past year 9999
    scored = score_period(repo, other, day)
    days_total = (end - start).days + 1
    return Comparison(
        period=other,
        as_of=day,
        final=final,
        day=max(0, min(days_total, (day - start).days + 1)),
        days_total=days_total,
        team_scores={t.team: t.score for t in scored.teams},
        objective_scores=_matched(current, scored),
    )


def _matched(current: PeriodResult, other: PeriodResult) -> dict[str, float]:
    by_ref = {o.ref: o for t in other.teams for o in t.objectives}
    by_title: dict[tuple[str, str], list[ObjectiveResult]] = {}
    for t in other.teams:
        for o in t.objectives:
            by_title.setdefault((t.team, o.title), []).append(o)
    matched: dict[str, float] = {}
    for team in current.teams:
        for objective in team.objectives:
            lineage = _lineage(objective.notes, other.period)
            found = None
            if lineage:  # the note names the objective it came from
                found = by_ref.get(lineage)
            elif lineage == "":  # an older note naming the period only: the one objective of that title
                same_title = by_title.get((team.team, objective.title), [])
                found = same_title[0] if len(same_title) == 1 else None
            if found is None:
                found = by_ref.get(objective.ref)
            if found is not None:
                matched[objective.ref] = found.score
    return matched


def _lineage(notes: str | None, period: str) -> str | None:
    """The reference a carry-over note names for ``period``; "" when it names the period only; None without one."""
    if not notes:
        return None
    found = re.search(
        re.escape(CARRIED_OVER.format(period=period)) + r"(?![\w-])(?: \((?P<ref>[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*)[,)])?",
        notes,
    )
    if found is None:
        return None
    return found["ref"] or ""
