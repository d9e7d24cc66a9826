"""The status and grade vocabulary: every word, what it means, their order, and the rules that pick one.

A key result's status says whether it will reach its target (docs/scoring.md, "Status and
forecast"); an objective takes its least healthy key result's status; a guardrail is ok or
breached; an objective's grade judges its score.  Once the period has closed (as-of on or
after its last day) every status is final: ``done``, ``achieved`` or ``missed``, for key
results and objectives alike, each judged on its own final score.  Reports count, order
and colour these words from here, so a new status is added in one place.
"""

from __future__ import annotations

import math
from datetime import date

from okrcli.model.okrfile import CheckIn
from okrcli.model.periods import Period
from okrcli.repo.config import Settings

ON_TRACK = "on-track"
AT_RISK = "at-risk"
OFF_TRACK = "off-track"
STALE = "stale"
NOT_STARTED = "not-started"
DONE = "done"
ACHIEVED = "achieved"
MISSED = "missed"

KR_STATUSES = {
    ON_TRACK: "the forecast reaches the objective type's bar",
    AT_RISK: "the forecast is below the bar but at least 0.7 of it, or confidence is below 0.3",
    OFF_TRACK: "the forecast is below 0.7 of the bar",
    STALE: "the last check-in is older than [checkin] stale_days",
    NOT_STARTED: "no check-in yet",
    DONE: "the score is 1.0",
    ACHIEVED: "the period has closed and the final score reached the objective type's bar, short of 1.0",
    MISSED: "the period has closed and the final score is below the objective type's bar",
}
"""Key-result (and objective) statuses in the order reports list them, with their meaning."""

RUNNING_STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK, STALE, NOT_STARTED, DONE)
"""The statuses while the period runs."""

CLOSED_STATUSES = (DONE, ACHIEVED, MISSED)
"""The final statuses, once the period has closed: nothing is on track or stale any more."""

HEALTH_ORDER = (MISSED, OFF_TRACK, AT_RISK, STALE, NOT_STARTED, ON_TRACK, ACHIEVED, DONE)
"""Least healthy first: while the period runs, an objective's status is its least healthy key result's."""

OK = "ok"
BREACHED = "breached"
NO_DATA = "no-data"

GUARDRAIL_STATUSES = {
    OK: "the latest value is strictly on the side of the threshold it must stay",
    BREACHED: "the latest value has reached or crossed the threshold",
    NO_DATA: "no value yet",
}

GREEN, YELLOW, RED = "green", "yellow", "red"
MET, OPEN = "met", "open"
# MISSED is a grade too, with the same meaning: below the bar once the period has closed

GRADES = {
    GREEN: "aspirational, score at or above [scoring] green",
    YELLOW: "aspirational, score at or above [scoring] yellow",
    RED: "aspirational, score below [scoring] yellow",
    MET: "committed, score 1.0",
    OPEN: "committed, below 1.0 while the period runs",
    MISSED: "committed, below 1.0 once the period has closed",
}

ON_TRACK_BARS = {"committed": 1.0, "aspirational": 0.7}
"""The forecast an objective type must reach to be on track."""

AT_RISK_FRACTION = 0.7
"""Below the bar but at or above this fraction of it is at-risk; lower is off-track."""

LOW_CONFIDENCE = 0.3
"""A latest confidence below this can never read on-track."""


def is_closed(period: Period, as_of: date) -> bool:
    """Whether the period has closed on ``as_of``: on or after its last day every status is final."""
    return as_of >= period.end


def final_status(kind: str, score: float) -> tuple[str, str]:
    """The status of a key result or objective of a closed period, from its final score, and why."""
    bar = ON_TRACK_BARS[kind]
    if score >= 1.0:
        return DONE, "status = done (score is 1.0)"
    if score >= bar:
        return ACHIEVED, f"status = achieved (the period has closed; final score {score:.4f} >= bar {bar} ({kind}))"
    return MISSED, f"status = missed (the period has closed; final score {score:.4f} < bar {bar} ({kind}))"


def kr_status(
    kind: str,
    score: float,
    forecast: float,
    last: CheckIn | None,
    confidence: float | None,
    period: Period,
    as_of: date,
    stale_days: int,
) -> tuple[str, str]:
    """A key result's status on ``as_of`` and the explanation line saying which rule chose it."""
    if is_closed(period, as_of):
        return final_status(kind, score)
    if score >= 1.0:
        return DONE, "status = done (score is 1.0)"
    if last is None:
        return NOT_STARTED, "status = not-started (no check-in on or before as-of)"
    age = (as_of - last.date).days
    if period.contains(as_of) and age > stale_days:
        return STALE, f"status = stale (last check-in {age} days ago > stale_days {stale_days})"
    status, why = outlook(kind, forecast, confidence)
    return status, f"status = {status} ({why})"


def outlook(kind: str, forecast: float, confidence: float | None) -> tuple[str, str]:
    """What the forecast and the owner's confidence alone say (on-track, at-risk or off-track),
    whatever the age of the check-in they come from, and why."""
    bar = ON_TRACK_BARS[kind]
    if forecast >= bar:
        status, why = ON_TRACK, f"forecast {forecast:.4f} >= bar {bar} ({kind})"
    elif forecast >= AT_RISK_FRACTION * bar:
        status, why = AT_RISK, f"forecast {forecast:.4f} < bar {bar} but >= {AT_RISK_FRACTION} x bar = {AT_RISK_FRACTION * bar:.2f}"
    else:
        status, why = OFF_TRACK, f"forecast {forecast:.4f} < {AT_RISK_FRACTION} x bar {bar} = {AT_RISK_FRACTION * bar:.2f}"
    if status == ON_TRACK and confidence is not None and confidence < LOW_CONFIDENCE:
        status, why = AT_RISK, f"{why}, but confidence {confidence} < {LOW_CONFIDENCE} cannot read on-track"
    return status, why


def checkin_due(last: date | None, period: Period, as_of: date, cadence_days: int, score: float) -> bool:
    """Whether a key result's owner owes a check-in on ``as_of``: while the period runs (up to the
    day before its last, when it closes), a key result short of its target with more than
    ``cadence_days`` since the last check-in (or since the period started, before the first).
    The digest, the report's Needs attention and the dashboard's ``check-in owed`` line all ask
    this one question."""
    if not period.contains(as_of) or is_closed(period, as_of) or score >= 1.0:
        return False
    return (as_of - (last or period.start)).days > cadence_days


def rollup_status(statuses: list[str]) -> str:
    """While the period runs: an objective is done when every key result is; otherwise its
    least healthy key result's status (a closed period's objective: :func:`final_status`)."""
    if statuses and all(s == DONE for s in statuses):
        return DONE
    return min((s for s in statuses if s != DONE), key=HEALTH_ORDER.index, default=NOT_STARTED)


def grade(kind: str, score: float, period: Period, as_of: date, settings: Settings) -> str:
    """Aspirational: green/yellow/red; committed: met at 1.0, else missed once the period has closed, open before."""
    if kind == "committed":
        if score >= 1.0:
            return MET
        return MISSED if is_closed(period, as_of) else OPEN
    if score >= settings.scoring.green:
        return GREEN
    return YELLOW if score >= settings.scoring.yellow else RED


STATUS_WORDS = {status: status.replace("-", " ") for status in [*KR_STATUSES, *GUARDRAIL_STATUSES]}
"""Each status as reports say it to people: ``at risk``, ``not started``."""

ON_PACE = 0.005
"""A gap to the expected score smaller than this reads "on pace"."""


def bar_text(bar: float) -> str:
    """A bar as people write it: ``1.0``, ``0.7``, ``0.75``."""
    text = f"{bar:g}"
    return text if "." in text or "e" in text else text + ".0"


def verdict(kind: str, score: float, result_grade: str, settings: Settings) -> str:
    """An objective's grade in plain words with the bar it was judged against.

    ``committed, missed: 0.55 of 1.0``; ``aspirational, 0.48: below the 0.7 bar``. A score
    just under its bar is never shown rounded up onto it ("0.69: below the 0.7 bar", not
    "0.70: below the 0.7 bar").
    """
    green, yellow = settings.scoring.green, settings.scoring.yellow
    shown = graded_score(kind, score, result_grade, settings)
    if kind == "committed":
        so_far = " so far" if result_grade == OPEN else ""
        return f"committed, {result_grade}: {shown} of 1.0{so_far}"
    if result_grade == GREEN:
        return f"aspirational, {shown}: at or above the {bar_text(green)} bar"
    if result_grade == YELLOW:
        return f"aspirational, {shown}: below the {bar_text(green)} bar"
    return f"aspirational, {shown}: below the {bar_text(green)} bar and the {bar_text(yellow)} floor"


def graded_score(kind: str, score: float, result_grade: str, settings: Settings) -> str:
    """An objective's score to two decimals as its verdict says it, and every score cell with
    it: never rounded up onto a bar it is below (0.6995 aspirational reads 0.69, not 0.70)."""
    if kind == "committed":
        return f"{score:.2f}" if result_grade == MET else _under(score, 1.0)
    if result_grade == GREEN:
        return f"{score:.2f}"
    return _under(score, settings.scoring.green if result_grade == YELLOW else settings.scoring.yellow)


def _under(score: float, bar: float) -> str:
    """``score`` to two decimals, rounded down when rounding would reach ``bar`` it is below."""
    shown = f"{score:.2f}"
    if float(shown) >= bar > score:
        shown = f"{math.floor(score * 100) / 100:.2f}"
    return shown


def pace_words(gap: float) -> str:
    """``ahead of pace by 0.12``, ``behind pace by 0.12`` or ``on pace`` (a gap under :data:`ON_PACE`)."""
    if abs(gap) < ON_PACE:
        return "on pace"
    return f"{'ahead of' if gap > 0 else 'behind'} pace by {abs(gap):.2f}"
