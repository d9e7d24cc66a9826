"""Scores as JSON: the stable contract of ``okr score --format json``, extended by ``okr report``.  Pure.

The shape is documented in docs/scoring.md:
``{"period", "as_of", "score", "teams": [{"team", "score", "objectives":
[{"ref", "title", "type", "score", "grade", "status", "aligns_to",
"key_results": [...]}], "guardrails": [...]}]}``.  Keys are only ever added;
``okr report`` adds a ``report`` section (:func:`report_sections`).
"""

from __future__ import annotations

from okrcli.model.numbers import plain_number
from okrcli.report.json_text import json_document
from okrcli.report.review import needs_attention, recent_notes
from okrcli.report.views import SWEET_SPOT, ReportView
from okrcli.scoring.guardrails import GuardrailResult
from okrcli.scoring.scores import KrResult, ObjectiveResult, PeriodResult

DECIMALS = 4
"""Scores, forecasts and expected fractions are rounded to this many decimals."""


def rounded(value: float | None) -> float | None:
    """A computed fraction rounded to :data:`DECIMALS`; None stays None."""
    return None if value is None else round(value, DECIMALS)


def kr_dict(kr: KrResult) -> dict:
    return {
        "ref": kr.ref,
        "title": kr.title,
        "baseline": plain_number(kr.baseline),
        "target": plain_number(kr.target),
        "unit": kr.unit,
        "current": plain_number(kr.current),
        "score": rounded(kr.score),
        "confidence": kr.confidence,
        "expected": rounded(kr.expected),
        "forecast": rounded(kr.forecast),
        "status": kr.status,
        "last_checkin": kr.last_checkin.isoformat() if kr.last_checkin else None,
        "weight": plain_number(kr.weight),
        "owner": kr.owner,
        "note": kr.note,
        "note_date": kr.note_date.isoformat() if kr.note_date else None,
        "pace": {"expected": rounded(kr.expected), "gap": rounded(kr.gap)},
        "forecast_range": [rounded(kr.forecast_range[0]), rounded(kr.forecast_range[1])],
        "status_reason": kr.status_reason,
    }


def objective_dict(objective: ObjectiveResult) -> dict:
    return {
        "ref": objective.ref,
        "title": objective.title,
        "type": objective.type,
        "score": rounded(objective.score),
        "grade": objective.grade,
        "status": objective.status,
        "aligns_to": objective.aligns_to,
        "owner": objective.owner,
        "verdict": objective.verdict,
        "key_results": [kr_dict(k) for k in objective.key_results],
    }


def guardrail_dict(guardrail: GuardrailResult) -> dict:
    return {
        "ref": guardrail.ref,
        "value": plain_number(guardrail.value),
        "threshold": plain_number(guardrail.threshold),
        "must_stay": guardrail.must_stay,
        "status": guardrail.status,
        "title": guardrail.title,
        "unit": guardrail.unit,
    }


def period_dict(result: PeriodResult) -> dict:
    """The whole contract as plain data."""
    return {
        "period": result.period,
        "as_of": result.as_of.isoformat(),
        "score": rounded(result.score) if result.teams else None,  # nothing kept by the filters: no score
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
        "closed": result.closed,
        "teams": [
            {
                "team": team.team,
                "score": rounded(team.score),
                "objectives": [objective_dict(o) for o in team.objectives],
                "guardrails": [guardrail_dict(g) for g in team.guardrails],
            }
            for team in result.teams
        ],
    }


def score_json(result: PeriodResult) -> str:
    """``okr score --format json``."""
    return json_document(period_dict(result))


def report_sections(view: ReportView) -> dict:
    """What the report adds to the score contract."""
    return {
        "days_elapsed": view.days_elapsed,
        "days_left": view.days_left,
        "counts": view.counts(every_status=True),
        "missed_committed": [
            {"ref": o.ref, "title": o.title, "score": rounded(o.score), "retrospective": o.retrospective}
            for _, o in view.missed_committed()
        ],
        "aspirational_distribution": {
            "sweet_spot": SWEET_SPOT,
            "buckets": [{"from": low, "to": high, "count": count} for low, high, count in view.distribution()],
            "scores": [{"ref": ref, "score": rounded(score)} for ref, score in view.aspirational_scores()],
        },
        "previous_period": view.previous_period,
        "team_changes": [
            {"team": t.team, "score": rounded(t.score), "previous_score": rounded(t.previous_score), "change": rounded(t.change)}
            for t in view.teams
        ],
        "breached_guardrails": [g.ref for g in view.breached()],
        "comparison": None if view.comparison is None else {
            "period": view.comparison.period,
            "as_of": view.comparison.as_of.isoformat(),
            "basis": view.comparison.basis,
            "description": view.compared(),
        },
        "files_left_out": list(view.left_out),
        "needs_attention": [
            {"kind": a.kind, "ref": a.ref, "title": a.title, "owner": a.owner, "status": a.status, "why": a.why}
            for a in needs_attention(view)
        ],
        "recent_notes": [
            {"team": t.team, "date": n.day.isoformat(), "ref": n.kr.ref, "note": n.text}
            for t in view.teams
            for n in recent_notes(t, view)
        ],
    }


def report_json(view: ReportView) -> str:
    """``okr report --format json``: the score contract for the teams shown, plus the report section."""
    data = period_dict(view.result)
    for team in data["teams"]:
        for objective in team["objectives"]:
            score = view.comparison.objective_scores.get(objective["ref"]) if view.comparison else None
            objective["previous"] = None if score is None else {"period": view.comparison.period, "score": rounded(score)}
    data["report"] = report_sections(view)
    return json_document(data) + "\n"
