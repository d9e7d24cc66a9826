"""Score results as data: the JSON contract, CSV rows and Markdown.  Pure; no rich.

The JSON shape is a stable contract documented in docs/scoring.md:
``{"period", "as_of", "score", "teams": [{"team", "score", "objectives":
[{"ref", "title", "type", "score", "grade", "status", "aligns_to",
"key_results": [...]}], "guardrails": [...]}]}``.  Keys are only ever added.
"""

from __future__ import annotations

import csv
import io
import json

from okrcli.scoring.scores import KrResult, ObjectiveResult, PeriodResult, fmt

DECIMALS = 4


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def num(value: float | None) -> float | int | None:
    """Numbers as written: 14.0 from the file is shown as 14."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def kr_dict(kr: KrResult) -> dict:
    return {
        "ref": kr.ref,
        "title": kr.title,
        "baseline": num(kr.baseline),
        "target": num(kr.target),
        "unit": kr.unit,
        "current": num(kr.current),
        "score": _r(kr.score),
        "confidence": kr.confidence,
        "expected": _r(kr.expected),
        "forecast": _r(kr.forecast),
        "status": kr.status,
        "last_checkin": kr.last_checkin.isoformat() if kr.last_checkin else None,
        "weight": num(kr.weight),
        "owner": kr.owner,
    }


def objective_dict(objective: ObjectiveResult) -> dict:
    return {
        "ref": objective.ref,
        "title": objective.title,
        "type": objective.type,
        "score": _r(objective.score),
        "grade": objective.grade,
        "status": objective.status,
        "aligns_to": objective.aligns_to,
        "owner": objective.owner,
        "key_results": [kr_dict(k) for k in objective.key_results],
    }


def period_dict(result: PeriodResult) -> dict:
    return {
        "period": result.period,
        "as_of": result.as_of.isoformat(),
        "score": _r(result.score),
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
        "teams": [
            {
                "team": team.team,
                "score": _r(team.score),
                "objectives": [objective_dict(o) for o in team.objectives],
                "guardrails": [
                    {
                        "ref": g.ref,
                        "value": num(g.value),
                        "threshold": num(g.threshold),
                        "must_stay": g.must_stay,
                        "status": g.status,
                        "title": g.title,
                        "unit": g.unit,
                    }
                    for g in team.guardrails
                ],
            }
            for team in result.teams
        ],
    }


def to_json(result: PeriodResult) -> str:
    return json.dumps(period_dict(result), indent=2, ensure_ascii=False)


CSV_COLUMNS = [
    "level", "ref", "title", "type", "baseline", "target", "unit", "current", "score",
    "confidence", "expected", "forecast", "status", "grade", "last_checkin",
]


def to_csv(result: PeriodResult) -> str:
    """One row per team, objective, key result and guardrail; the ``level`` column says which."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow({"level": "period", "ref": result.period, "score": _r(result.score)})
    for team in result.teams:
        writer.writerow({"level": "team", "ref": team.team, "score": _r(team.score)})
        for objective in team.objectives:
            writer.writerow(
                {
                    "level": "objective", "ref": objective.ref, "title": objective.title,
                    "type": objective.type, "score": _r(objective.score),
                    "status": objective.status, "grade": objective.grade,
                }
            )
            for kr in objective.key_results:
                row = kr_dict(kr)
                writer.writerow(
                    {"level": "key_result", **{k: row[k] for k in CSV_COLUMNS if k in row}}
                )
        for g in team.guardrails:
            writer.writerow(
                {
                    "level": "guardrail", "ref": g.ref, "title": g.title, "unit": g.unit,
                    "current": num(g.value), "target": num(g.threshold), "status": g.status,
                }
            )
    return buffer.getvalue()


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def with_unit(value: float | None, unit: str | None) -> str:
    text = fmt(value)
    if value is None or not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if unit in ("USD", "$"):
        return f"${text}"
    return f"{text} {unit}"


def compact(value: float | None) -> str:
    """A short number for narrow columns: 1,200,000 -> 1.2M, 24,000 -> 24k, 6.75 -> 6.75."""
    if value is None:
        return "-"
    size = abs(value)
    for limit, divisor, suffix in ((1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "k")):
        if size >= limit:
            return f"{value / divisor:.2f}".rstrip("0").rstrip(".") + suffix
    return fmt(round(value, 2))


def value_path(baseline: float, current: float | None, target: float, unit: str | None) -> str:
    """``14% → 12% → 10%``, ``$1.2M → $1.6M → $2M``, ``250 → 205 → 150 complaints``."""
    values = [compact(v) for v in (baseline, current, target)]
    if unit == "%":
        return " → ".join(f"{v}%" for v in values)
    if unit in ("USD", "$"):
        return " → ".join(f"${v}" for v in values)
    return " → ".join(values) + (f" {unit}" if unit else "")


def to_markdown(result: PeriodResult) -> str:
    lines = [
        f"## OKR scores {result.period} (as of {result.as_of})",
        "",
        f"Period {result.start} to {result.end}. Overall score **{result.score:.2f}**.",
        "",
    ]
    for team in result.teams:
        lines += [f"### {team.team}: {team.score:.2f}", ""]
        lines += ["| objective / key result | type | from → now → target | score | forecast | status |", "|---|---|---|---:|---:|---|"]
        for objective in team.objectives:
            lines.append(
                f"| **{md_escape(objective.title)}** (`{objective.ref}`) | {objective.type} | | "
                f"**{objective.score:.2f}** | | {objective.status} ({objective.grade}) |"
            )
            for kr in objective.key_results:
                lines.append(
                    f"| ↳ {md_escape(kr.title)} | | {with_unit(kr.baseline, kr.unit)} → {with_unit(kr.current, kr.unit)}"
                    f" → {with_unit(kr.target, kr.unit)} | {kr.score:.2f} | {kr.forecast:.2f} | {kr.status} |"
                )
        for g in team.guardrails:
            mark = "⚠ breached" if g.status == "breached" else g.status
            lines.append(
                f"| guardrail: {md_escape(g.title)} | | {with_unit(g.value, g.unit)} (must stay {g.must_stay}"
                f" {with_unit(g.threshold, g.unit)}) | | | {mark} |"
            )
        lines.append("")
    return "\n".join(lines)
