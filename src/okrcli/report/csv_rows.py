"""``okr score --format csv``: one row per team, objective, key result and guardrail.  Pure."""

from __future__ import annotations

import csv
import io

from okrcli.model.numbers import plain_number
from okrcli.report.json_contract import kr_dict, rounded
from okrcli.scoring.scores import PeriodResult

CSV_COLUMNS = [
    "level", "ref", "title", "type", "baseline", "target", "unit", "current", "score",
    "confidence", "expected", "forecast", "status", "grade", "last_checkin",
]


def score_csv(result: PeriodResult) -> str:
    """One row per team, objective, key result and guardrail; the ``level`` column says which."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow({"level": "period", "ref": result.period, "score": rounded(result.score)})
    for team in result.teams:
        writer.writerow({"level": "team", "ref": team.team, "score": rounded(team.score)})
        for objective in team.objectives:
            writer.writerow(
                {
                    "level": "objective", "ref": objective.ref, "title": objective.title,
                    "type": objective.type, "score": rounded(objective.score),
                    "status": objective.status, "grade": objective.grade,
                }
            )
            for kr in objective.key_results:
                row = kr_dict(kr)
                writer.writerow({"level": "key_result", **{k: row[k] for k in CSV_COLUMNS if k in row}})
        for g in team.guardrails:
            writer.writerow(
                {
                    "level": "guardrail", "ref": g.ref, "title": g.title, "unit": g.unit,
                    "current": plain_number(g.value), "target": plain_number(g.threshold), "status": g.status,
                }
            )
    return buffer.getvalue()
