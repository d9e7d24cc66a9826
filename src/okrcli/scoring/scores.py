"""Scores of key results, objectives, teams and periods on a day, with the arithmetic behind each.

Pure math on the model; never reads the clock.  The rules are documented with worked
examples in docs/scoring.md; every result carries ``explanation`` lines with the numbers
and arithmetic that produced it (``okr score --explain``).  The pieces live beside this
module: :mod:`~okrcli.scoring.progress` (a key result's score), :mod:`~okrcli.scoring.forecast`,
:mod:`~okrcli.scoring.statuses` (statuses and grades) and :mod:`~okrcli.scoring.guardrails`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from okrcli.model.numbers import format_number
from okrcli.model.okrfile import KeyResult, Objective
from okrcli.model.periods import Period, make_period
from okrcli.repo.config import Settings
from okrcli.repo.repository import Repository, TeamFile
from okrcli.scoring.baselines import in_force
from okrcli.scoring.forecast import forecast_range, kr_forecast
from okrcli.scoring.guardrails import GuardrailResult, guardrail_status
from okrcli.scoring.progress import checkins_until, kr_score, weighted_mean
from okrcli.scoring.statuses import final_status, grade, graded_score, is_closed, kr_status, outlook, pace_words, rollup_status, verdict


@dataclass
class KrResult:
    """One key result on a day: its values, score, forecast, status and the arithmetic behind them."""

    ref: str
    title: str
    baseline: float
    target: float
    unit: str | None
    weight: float
    owner: str | None
    current: float
    score: float
    confidence: float | None
    expected: float
    forecast: float
    status: str
    last_checkin: date | None
    values: list[tuple[date, float]]
    explanation: list[str] = field(default_factory=list)
    notes: list[tuple[date, str]] = field(default_factory=list)
    """Every check-in note seen by as-of, oldest first, with its check-in's date."""
    forecast_range: tuple[float, float] = (0.0, 1.0)
    """Where the score is likely to land at the period's end: (low, high) around the forecast."""
    outlook: str | None = None
    """What the forecast alone says (on-track, at-risk, off-track) while the period runs, even
    when the status is stale; None before the first check-in and once the period has closed."""
    outlook_reason: str = ""
    status_reason: str = ""
    """Why the status is what it is: the rule and numbers ``--explain`` shows."""

    @property
    def note(self) -> str | None:
        """The latest check-in note by as-of, if any."""
        return self.notes[-1][1] if self.notes else None

    @property
    def note_date(self) -> date | None:
        """The date of the check-in carrying :attr:`note`."""
        return self.notes[-1][0] if self.notes else None

    @property
    def gap(self) -> float:
        """Score minus the expected score on as-of: above 0 ahead of pace, below 0 behind."""
        return self.score - self.expected


@dataclass
class ObjectiveResult:
    """One objective: the weighted mean of its key results, its grade and rolled-up status."""

    ref: str
    title: str
    type: str
    owner: str | None
    score: float
    grade: str
    status: str
    aligns_to: str | None
    retrospective: str | None
    key_results: list[KrResult]
    explanation: list[str] = field(default_factory=list)
    verdict: str = ""
    """The grade in plain words with its bar: ``committed, missed: 0.55 of 1.0``."""
    notes: str | None = None
    """The objective's own ``notes`` (carry-over lineage is read from them)."""
    score_text: str = ""
    """The score to two decimals as the verdict says it (:func:`okrcli.scoring.statuses.graded_score`)."""

    @property
    def shown_score(self) -> str:
        """The score as every report shows it: never rounded onto a bar it is below."""
        return self.score_text or f"{self.score:.2f}"


@dataclass
class TeamResult:
    """One team's file in a period: the mean of its objectives, and its guardrails."""

    team: str
    path: str
    score: float
    objectives: list[ObjectiveResult]
    guardrails: list[GuardrailResult]
    complete: bool = True
    """False when a filter kept only part of the team (see :mod:`okrcli.scoring.selection`)."""
    lead: str | None = None
    """Who leads the team's OKRs (answers for its guardrails)."""
    span: tuple[date, date] | None = None
    """The team's own first and last day of the period (a file may set its own ``start``/``end``)."""


@dataclass
class PeriodResult:
    """Every team of a period on ``as_of``; the period score is the mean of the team scores."""

    period: str
    start: date
    end: date
    as_of: date
    score: float
    teams: list[TeamResult]

    @property
    def closed(self) -> bool:
        """Whether the period has closed on as-of (on or after its last day): every status is final."""
        return is_closed(Period(self.start, self.end, self.period), self.as_of)


def score_key_result(
    kr: KeyResult, ref: str, objective: Objective, period: Period, as_of: date, stale_days: int
) -> KrResult:
    """Score, forecast and status of one key result on ``as_of``, with the baseline and target in force then."""
    kr, rebaselined = in_force(kr, as_of)
    effective = min(as_of, period.end)  # a finished period is scored with the values at its end
    seen = checkins_until(kr.checkins, effective)
    last = seen[-1] if seen else None
    current = last.value if last else kr.baseline
    score = kr_score(kr.baseline, kr.target, current)
    moved, span = current - kr.baseline, kr.target - kr.baseline
    arithmetic = f"{format_number(moved)} / {format_number(span)}" if math.isfinite(moved) and math.isfinite(span) else "exact fractions of numbers too large to subtract"
    now, baseline, target = (format_number(v) for v in (current, kr.baseline, kr.target))
    lines = rebaselined + [
        f"current = {now} " + (f"(check-in of {last.date})" if last else "(no check-in on or before as-of: the baseline)"),
        f"score = clamp(({now} - {baseline}) / ({target} - {baseline}), 0, 1)"
        f" = clamp({arithmetic}) = {score:.4f}",
    ]
    expected = period.elapsed_fraction(as_of)
    lines.append(
        f"expected = elapsed fraction of {period.start}..{period.end} on {as_of} = {expected:.4f}"
    )
    lines.append(f"pace: gap = score - expected = {score:.4f} - {expected:.4f} = {score - expected:+.4f} ({pace_words(score - expected)})")
    forecast, forecast_lines = kr_forecast(kr, seen, period, as_of, score)
    lines += forecast_lines
    confidence = last.confidence if last else None
    if confidence is None:
        earlier = [c.confidence for c in seen if c.confidence is not None]
        confidence = earlier[-1] if earlier else None
    lines.append(
        f"confidence = {confidence} (latest given)" if confidence is not None else "confidence = none given"
    )
    landing, range_lines = forecast_range(kr, seen, period, as_of, forecast, confidence)
    lines += range_lines
    status, status_line = kr_status(objective.type, score, forecast, last, confidence, period, as_of, stale_days)
    lines.append(status_line)
    seen_outlook = None, ""
    if last is not None and not is_closed(period, as_of) and score < 1.0:
        seen_outlook = outlook(objective.type, forecast, confidence)
    return KrResult(
        ref=ref,
        title=kr.title,
        baseline=kr.baseline,
        target=kr.target,
        unit=kr.unit,
        weight=kr.weight,
        owner=objective.kr_owner(kr),
        current=current,
        score=score,
        confidence=confidence,
        expected=expected,
        forecast=forecast,
        status=status,
        last_checkin=last.date if last else None,
        values=[(c.date, c.value) for c in seen],
        explanation=lines,
        notes=[(c.date, c.note) for c in seen if c.note],
        forecast_range=landing,
        status_reason=status_line.removeprefix("status = "),
        outlook=seen_outlook[0],
        outlook_reason=seen_outlook[1],
    )


def score_objective(
    objective: Objective, team_file: TeamFile, as_of: date, settings: Settings
) -> ObjectiveResult:
    """Score, grade and status of one objective of ``team_file`` on ``as_of``."""
    period = team_file.period
    base = f"{team_file.team}/{objective.id}"
    krs = [
        score_key_result(kr, f"{base}/{kr.id}", objective, period, as_of, settings.checkin.stale_days)
        for kr in objective.key_results
    ]
    total_weight = sum(k.weight for k in krs)
    score = round(weighted_mean([(k.score, k.weight) for k in krs]), 12)
    terms = " + ".join(f"{k.score:.4f} x {format_number(k.weight)}" for k in krs)
    divisor = format_number(total_weight) if math.isfinite(total_weight) else "the sum of the weights (each divided by the largest first)"
    result_grade = grade(objective.type, score, period, as_of, settings)
    words = verdict(objective.type, score, result_grade, settings)
    if is_closed(period, as_of):
        status, status_line = final_status(objective.type, score)
    else:
        status = rollup_status([k.status for k in krs])
        status_line = "status = least healthy key result: " + ", ".join(f"{k.ref.rsplit('/', 1)[1]} {k.status}" for k in krs)
    return ObjectiveResult(
        ref=base,
        title=objective.title,
        type=objective.type,
        owner=objective.owner,
        score=score,
        grade=result_grade,
        status=status,
        aligns_to=objective.aligns_to,
        retrospective=objective.retrospective,
        key_results=krs,
        explanation=[
            f"score = weighted mean = ({terms}) / {divisor} = {score:.4f}",
            f"grade = {result_grade} ({objective.type}): {words}",
            status_line,
        ],
        verdict=words,
        notes=objective.notes,
        score_text=graded_score(objective.type, score, result_grade, settings),
    )


def score_team(team_file: TeamFile, as_of: date, settings: Settings) -> TeamResult:
    """Every objective and guardrail of one team's file on ``as_of``."""
    objectives = [score_objective(o, team_file, as_of, settings) for o in team_file.okr.objectives]
    guardrails = [
        guardrail_status(g, f"{team_file.team}/{g.id}", team_file.period, as_of) for g in team_file.okr.guardrails
    ]
    score = sum(o.score for o in objectives) / len(objectives)
    return TeamResult(
        team_file.team, team_file.path.as_posix(), score, objectives, guardrails, lead=team_file.okr.lead,
        span=(team_file.period.start, team_file.period.end),
    )


def score_period(repo: Repository, period: str, as_of: date) -> PeriodResult:
    """Scores of every team in ``period`` on ``as_of`` (teams in name order)."""
    files = sorted(repo.files_in(period), key=lambda f: f.team)
    teams = [score_team(f, as_of, repo.settings) for f in files]
    total = sum(t.score for t in teams) / len(teams) if teams else 0.0
    starts = [f.period.start for f in files]
    ends = [f.period.end for f in files]
    default = make_period(period)
    return PeriodResult(
        period=period,
        start=min(starts) if starts else default.start,
        end=max(ends) if ends else default.end,
        as_of=as_of,
        score=total,
        teams=teams,
    )
