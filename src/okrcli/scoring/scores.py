"""Scores, grades, statuses and forecasts.  Pure math on the model; never reads the clock.

The rules are documented with worked examples in docs/scoring.md; every
result carries ``explanation`` lines with the numbers and arithmetic that
produced it (``okr score --explain``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from okrcli.repo.config import Settings
from okrcli.model.okrfile import CheckIn, Guardrail, KeyResult, Objective
from okrcli.model.periods import Period
from okrcli.repo.repository import Repository, TeamFile

BARS = {"committed": 1.0, "aspirational": 0.7}
"""The forecast an objective type must reach to be on track."""

AT_RISK_FRACTION = 0.7
"""Below the bar but at or above this fraction of it is at-risk; lower is off-track."""

LOW_CONFIDENCE = 0.3
"""A latest confidence below this can never read on-track."""

STATUS_ORDER = ["off-track", "at-risk", "stale", "not-started", "on-track", "done"]
"""Worst first: an objective's status is its least healthy key result's."""


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def kr_score(baseline: float, target: float, current: float) -> float:
    """clamp((current - baseline) / (target - baseline), 0, 1): direction-aware by construction.

    Rounded to 12 decimals so that binary float noise ((56.8 - 54) / 4 =
    0.6999999999999993) never flips a comparison with a bar such as 0.7.
    """
    return round(clamp((current - baseline) / (target - baseline)), 12)


def checkins_until(checkins: list[CheckIn], as_of: date) -> list[CheckIn]:
    """Check-ins dated on or before ``as_of`` (files keep them in date order)."""
    return [c for c in checkins if c.date <= as_of]


def fit_line(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Least-squares ``(slope, intercept)`` through ``points``; None when all x are equal."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


@dataclass
class KrResult:
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


@dataclass
class ObjectiveResult:
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


@dataclass
class GuardrailResult:
    ref: str
    title: str
    unit: str | None
    value: float | None
    threshold: float
    must_stay: str
    status: str
    values: list[tuple[date, float]]


@dataclass
class TeamResult:
    team: str
    path: str
    score: float
    objectives: list[ObjectiveResult]
    guardrails: list[GuardrailResult]


@dataclass
class PeriodResult:
    period: str
    start: date
    end: date
    as_of: date
    score: float
    teams: list[TeamResult]


def score_key_result(
    kr: KeyResult, ref: str, objective: Objective, period: Period, as_of: date, stale_days: int
) -> KrResult:
    """Score, forecast and status of one key result on ``as_of``."""
    effective = min(as_of, period.end)  # a finished period is scored with the values at its end
    seen = checkins_until(kr.checkins, effective)
    last = seen[-1] if seen else None
    current = last.value if last else kr.baseline
    score = kr_score(kr.baseline, kr.target, current)
    span = kr.target - kr.baseline
    lines = [
        f"current = {fmt(current)} "
        + (f"(check-in of {last.date})" if last else "(no check-in on or before as-of: the baseline)"),
        f"score = clamp(({fmt(current)} - {fmt(kr.baseline)}) / ({fmt(kr.target)} - {fmt(kr.baseline)}), 0, 1)"
        f" = clamp({fmt(current - kr.baseline)} / {fmt(span)}) = {score:.4f}",
    ]
    expected = period.elapsed_fraction(as_of)
    lines.append(
        f"expected = elapsed fraction of {period.start}..{period.end} on {as_of} = {expected:.4f}"
    )
    forecast, forecast_lines = _forecast(kr, seen, period, as_of, score)
    lines += forecast_lines
    confidence = last.confidence if last else None
    if confidence is None:
        earlier = [c.confidence for c in seen if c.confidence is not None]
        confidence = earlier[-1] if earlier else None
    lines.append(
        f"confidence = {confidence} (latest given)" if confidence is not None else "confidence = none given"
    )
    status, status_line = _status(objective.type, score, forecast, last, confidence, period, as_of, stale_days)
    lines.append(status_line)
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
    )


def _forecast(kr: KeyResult, seen: list[CheckIn], period: Period, as_of: date, score: float) -> tuple[float, list[str]]:
    if as_of >= period.end:
        return score, [f"forecast = score, the period has ended = {score:.4f}"]
    if not seen:
        return 0.0, ["forecast = 0 (no check-in yet)"]
    points = [(0.0, kr.baseline)] + [(float((c.date - period.start).days), c.value) for c in seen]
    horizon = float((period.end - period.start).days)
    line = fit_line(points)
    if line is None:
        return score, [f"forecast = score (all values on one day) = {score:.4f}"]
    slope, intercept = line
    projected = intercept + slope * horizon
    forecast = kr_score(kr.baseline, kr.target, projected)
    return forecast, [
        f"trend = least-squares line through {len(points)} points (day 0 = baseline {fmt(kr.baseline)}):"
        f" value = {intercept:.4f} {'-' if slope < 0 else '+'} {abs(slope):.6f} x day",
        f"projected value on day {int(horizon)} ({period.end}) = {projected:.4f}",
        f"forecast = clamp(({projected:.4f} - {fmt(kr.baseline)}) / ({fmt(kr.target)} - {fmt(kr.baseline)}), 0, 1)"
        f" = {forecast:.4f}",
    ]


def _status(
    kind: str,
    score: float,
    forecast: float,
    last: CheckIn | None,
    confidence: float | None,
    period: Period,
    as_of: date,
    stale_days: int,
) -> tuple[str, str]:
    if score >= 1.0:
        return "done", "status = done (score is 1.0)"
    if last is None:
        return "not-started", "status = not-started (no check-in on or before as-of)"
    age = (as_of - last.date).days
    if period.contains(as_of) and age > stale_days:
        return "stale", f"status = stale (last check-in {age} days ago > stale_days {stale_days})"
    bar = BARS[kind]
    if forecast >= bar:
        status, why = "on-track", f"forecast {forecast:.4f} >= bar {bar} ({kind})"
    elif forecast >= AT_RISK_FRACTION * bar:
        status, why = "at-risk", f"forecast {forecast:.4f} < bar {bar} but >= {AT_RISK_FRACTION} x bar = {AT_RISK_FRACTION * bar:.2f}"
    else:
        status, why = "off-track", f"forecast {forecast:.4f} < {AT_RISK_FRACTION} x bar {bar} = {AT_RISK_FRACTION * bar:.2f}"
    if status == "on-track" and confidence is not None and confidence < LOW_CONFIDENCE:
        status, why = "at-risk", f"{why}, but confidence {confidence} < {LOW_CONFIDENCE} cannot read on-track"
    return status, f"status = {status} ({why})"


def rollup_status(statuses: list[str]) -> str:
    """An objective is done when every key result is; otherwise its least healthy key result's status."""
    if statuses and all(s == "done" for s in statuses):
        return "done"
    return min((s for s in statuses if s != "done"), key=STATUS_ORDER.index, default="not-started")


def grade(kind: str, score: float, period: Period, as_of: date, settings: Settings) -> str:
    """Aspirational: green/yellow/red; committed: met at 1.0, else missed once the period ended, open before."""
    if kind == "committed":
        if score >= 1.0:
            return "met"
        return "missed" if as_of > period.end else "open"
    if score >= settings.scoring.green:
        return "green"
    return "yellow" if score >= settings.scoring.yellow else "red"


def score_objective(
    objective: Objective, team_file: TeamFile, as_of: date, settings: Settings
) -> ObjectiveResult:
    period = team_file.period
    base = f"{team_file.team}/{objective.id}"
    krs = [
        score_key_result(kr, f"{base}/{kr.id}", objective, period, as_of, settings.checkin.stale_days)
        for kr in objective.key_results
    ]
    total_weight = sum(k.weight for k in krs)
    score = round(sum(k.score * k.weight for k in krs) / total_weight, 12)
    terms = " + ".join(f"{k.score:.4f} x {fmt(k.weight)}" for k in krs)
    result_grade = grade(objective.type, score, period, as_of, settings)
    return ObjectiveResult(
        ref=base,
        title=objective.title,
        type=objective.type,
        owner=objective.owner,
        score=score,
        grade=result_grade,
        status=rollup_status([k.status for k in krs]),
        aligns_to=objective.aligns_to,
        retrospective=objective.retrospective,
        key_results=krs,
        explanation=[
            f"score = weighted mean = ({terms}) / {fmt(total_weight)} = {score:.4f}",
            f"grade = {result_grade} ({objective.type})",
            "status = least healthy key result: " + ", ".join(f"{k.ref.rsplit('/', 1)[1]} {k.status}" for k in krs),
        ],
    )


def guardrail_status(guardrail: Guardrail, ref: str, period: Period, as_of: date) -> GuardrailResult:
    """``ok`` while the latest value is strictly on the right side of the threshold, else ``breached``."""
    seen = checkins_until(guardrail.checkins, min(as_of, period.end))
    value = seen[-1].value if seen else None
    if value is None:
        status = "no-data"
    elif guardrail.must_stay == "below":
        status = "ok" if value < guardrail.threshold else "breached"
    else:
        status = "ok" if value > guardrail.threshold else "breached"
    return GuardrailResult(
        ref=ref,
        title=guardrail.title,
        unit=guardrail.unit,
        value=value,
        threshold=guardrail.threshold,
        must_stay=guardrail.must_stay,
        status=status,
        values=[(c.date, c.value) for c in seen],
    )


def score_team(team_file: TeamFile, as_of: date, settings: Settings) -> TeamResult:
    objectives = [score_objective(o, team_file, as_of, settings) for o in team_file.okr.objectives]
    guardrails = [
        guardrail_status(g, f"{team_file.team}/{g.id}", team_file.period, as_of) for g in team_file.okr.guardrails
    ]
    score = sum(o.score for o in objectives) / len(objectives)
    return TeamResult(team_file.team, team_file.path.as_posix(), score, objectives, guardrails)


def score_period(repo: Repository, period: str, as_of: date) -> PeriodResult:
    """Scores of every team in ``period`` on ``as_of`` (teams in name order)."""
    files = sorted(repo.files_in(period), key=lambda f: f.team)
    teams = [score_team(f, as_of, repo.settings) for f in files]
    total = sum(t.score for t in teams) / len(teams) if teams else 0.0
    starts = [f.period.start for f in files]
    ends = [f.period.end for f in files]
    from okrcli.model.periods import make_period

    default = make_period(period)
    return PeriodResult(
        period=period,
        start=min(starts) if starts else default.start,
        end=max(ends) if ends else default.end,
        as_of=as_of,
        score=total,
        teams=teams,
    )


def filter_by_prefix(result: PeriodResult, prefix: str | None) -> PeriodResult:
    """Keep the teams, objectives and key results under ``team[/objective[/kr]]``."""
    if not prefix:
        return result
    parts = prefix.strip("/").split("/")
    teams = []
    for team in result.teams:
        if team.team != parts[0]:
            continue
        objectives = []
        for objective in team.objectives:
            if len(parts) > 1 and objective.ref.split("/")[1] != parts[1]:
                continue
            krs = [k for k in objective.key_results if len(parts) < 3 or k.ref.split("/")[2] == parts[2]]
            if krs:
                objectives.append(_replace(objective, key_results=krs))
        guardrails = team.guardrails if len(parts) == 1 else [g for g in team.guardrails if g.ref.split("/")[1] == parts[1]]
        if objectives or guardrails:
            teams.append(_replace(team, objectives=objectives, guardrails=guardrails))
    return _replace(result, teams=teams)


def _replace(obj, **changes):
    from dataclasses import replace

    return replace(obj, **changes)
