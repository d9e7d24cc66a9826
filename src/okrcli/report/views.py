"""The report as data: what the dashboard and the quarterly report show.  Pure; no rich.

Everything numeric comes from :mod:`okrcli.scoring`; this module only selects, groups
and counts, and words the phrases every renderer shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from okrcli.model.diagnostics import display_path
from okrcli.model.numbers import with_unit
from okrcli.repo.repository import Repository
from okrcli.scoring.guardrails import GuardrailResult
from okrcli.scoring.comparison import Comparison, compare
from okrcli.scoring.scores import KrResult, ObjectiveResult, PeriodResult, score_period
from okrcli.scoring.selection import Selection, select
from okrcli.scoring.statuses import BREACHED, CLOSED_STATUSES, KR_STATUSES, MISSED, RUNNING_STATUSES

BUCKETS = [(i / 10, (i + 1) / 10) for i in range(10)]
SWEET_SPOT = 0.7
PERIOD_ENDED = "period ended"
"""What every report says of a closed period (as-of on or after its last day)."""


@dataclass
class TeamView:
    team: str
    score: float
    objectives: list[ObjectiveResult]
    guardrails: list[GuardrailResult]
    previous_score: float | None = None
    lead: str | None = None
    span: tuple[date, date] | None = None
    """The team's own first and last day of the period, when its file sets them."""

    @property
    def change(self) -> float | None:
        return None if self.previous_score is None else self.score - self.previous_score


@dataclass
class ReportView:
    period: str
    start: date
    end: date
    as_of: date
    score: float
    teams: list[TeamView]
    previous_period: str | None = None
    result: PeriodResult | None = field(default=None, repr=False)
    comparison: Comparison | None = None
    """The period compared with, on the day that compares like for like (see :mod:`okrcli.scoring.comparison`)."""
    left_out: list[str] = field(default_factory=list)
    """Files of the period that have errors and are not in the report (paths from the repository root)."""
    cadence_days: int = 7
    """``[checkin] cadence_days``: a key result's owner owes a check-in after this many days without one."""

    def overall(self) -> str:
        """The overall score to two decimals; ``-`` when the filters kept nothing to score."""
        return f"{self.score:.2f}" if self.teams else "-"

    def incomplete(self) -> str | None:
        """``2 files with errors are left out of this report: ...``, or None when every file is in it."""
        if not self.left_out:
            return None
        count = len(self.left_out)
        files = "1 file with errors is" if count == 1 else f"{count} files with errors are"
        fix = "it" if count == 1 else "them"
        return f"{files} left out of this report: {', '.join(self.left_out)}; run okr validate and fix {fix}"

    @property
    def days_total(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def days_elapsed(self) -> int:
        return max(0, min(self.days_total, (self.as_of - self.start).days + 1))

    @property
    def days_left(self) -> int:
        return self.days_total - self.days_elapsed

    @property
    def closed(self) -> bool:
        """Whether the period has closed on as-of (on or after its last day): every status is final."""
        return self.result.closed if self.result is not None else self.as_of >= self.end

    def when(self, left: bool = False) -> str:
        """Where as-of falls in the period: ``day 45 of 92`` (``, 47 left`` with ``left``),
        or, once the period has closed (as-of on or after its last day), ``period ended: final scores``."""
        if self.closed:
            return f"{PERIOD_ENDED}: final scores"
        return f"day {self.days_elapsed} of {self.days_total}" + (f", {self.days_left} left" if left else "")

    def compared(self) -> str | None:
        """How the comparison was made: ``day 51 of 92 against day 51 of 2026-Q3 (2026-08-20)``."""
        if self.comparison is None or self.previous_period is None:
            return None
        return self.comparison.describe(self.days_elapsed, self.days_total)

    def previous_score(self, objective: ObjectiveResult) -> float | None:
        """The matched objective's score in the compared period, if one matched."""
        return None if self.comparison is None else self.comparison.objective_scores.get(objective.ref)

    def last_checkin(self, kr: KrResult) -> str:
        """When the key result's last check-in was: ``3d ago`` while the period runs, its date
        once it has closed (an age counted from a later as-of says nothing then); ``never``."""
        if kr.last_checkin is None:
            return "never"
        if self.closed:
            return kr.last_checkin.isoformat()
        days = (self.as_of - kr.last_checkin).days
        return "today" if days == 0 else f"{days}d ago"

    def key_results(self) -> list[KrResult]:
        return [kr for t in self.teams for o in t.objectives for kr in o.key_results]

    def counts(self, every_status: bool = False) -> dict[str, int]:
        """Key results per status: those of the period's phase (running or closed), plus any
        other that occurs; with ``every_status``, every status (the JSON's stable keys)."""
        statuses = KR_STATUSES if every_status else (CLOSED_STATUSES if self.closed else RUNNING_STATUSES)
        counts = {status: 0 for status in statuses}
        for kr in self.key_results():
            counts[kr.status] = counts.get(kr.status, 0) + 1
        return counts

    def missed_committed(self) -> list[tuple[str, ObjectiveResult]]:
        """Committed objectives graded missed (the period is over and they scored below 1.0)."""
        return [(t.team, o) for t in self.teams for o in t.objectives if o.type == "committed" and o.grade == MISSED]

    def aspirational_scores(self) -> list[tuple[str, float]]:
        return [(o.ref, o.score) for t in self.teams for o in t.objectives if o.type == "aspirational"]

    def distribution(self) -> list[tuple[float, float, int]]:
        """Aspirational objective scores in ten buckets: (low, high, count); 1.0 falls in the last."""
        scores = [s for _, s in self.aspirational_scores()]
        result = []
        for index, (low, high) in enumerate(BUCKETS):
            last = index == len(BUCKETS) - 1
            result.append((low, high, sum(1 for s in scores if low <= s < high or (last and s >= high))))
        return result

    def breached(self) -> list[GuardrailResult]:
        return [g for t in self.teams for g in t.guardrails if g.status == BREACHED]


def guardrail_values(guardrail: GuardrailResult) -> str:
    """``12%, must stay below 15%``: a guardrail's latest value against its threshold."""
    return (
        f"{with_unit(guardrail.value, guardrail.unit)}, must stay {guardrail.must_stay} "
        f"{with_unit(guardrail.threshold, guardrail.unit)}"
    )


def build_report(
    repo: Repository,
    period: str,
    as_of: date,
    team: str | None = None,
    owner: str | None = None,
    prefix: str | None = None,
    compare_with: str | None = None,
) -> ReportView:
    """Scores of ``period`` on ``as_of``, filtered by team, owner and ref prefix, compared like for like
    with ``compare_with`` (default: the previous period).

    The filters apply to everything (:mod:`okrcli.scoring.selection`): the teams, counts,
    sections, the overall score and the JSON. A team the filter keeps only part of gets no
    previous score: its whole score then would not compare with part of it now.
    """
    result = select(score_period(repo, period, as_of), Selection(team=team, owner=owner, prefix=prefix))
    other = compare_with or repo.previous_period(period)
    # before the period starts there is nothing to compare: day 0 has no counterpart
    comparison = compare(repo, result, other) if other and as_of >= result.start else None
    previous_scores = comparison.team_scores if comparison else {}
    teams = [
        TeamView(t.team, t.score, t.objectives, t.guardrails, previous_scores.get(t.team) if t.complete else None, t.lead, t.span)
        for t in result.teams
    ]
    matched = any(t.previous_score is not None for t in teams) or bool(comparison and comparison.objective_scores)
    shown = {period} | ({other} if other else set())  # the compared period's broken files change the comparison
    team = team or (prefix.strip("/").split("/")[0] if prefix else None) or None
    # None: a file too broken to say its period (and not in a period folder) may be this one's
    left_out = sorted({display_path(path, repo.repo_dir) for p in [*shown, None] for path in repo.broken_files(p, team)})
    return ReportView(
        period=period,
        start=result.start,
        end=result.end,
        as_of=as_of,
        score=result.score,
        teams=teams,
        previous_period=other if matched else None,
        result=result,
        comparison=comparison if matched else None,
        left_out=left_out,
        cadence_days=repo.settings.checkin.cadence_days,
    )

