"""``okr score --format csv``: one row per team, objective, key result and guardrail.  Pure.

Text written by people (references, titles, units) that a spreadsheet would read as a
formula (a first character of ``= + - @``, a tab or a carriage return) gets a leading
apostrophe, the mark spreadsheets take for "this is text": opening the file must never run
what someone typed into a title. Numbers are written as numbers and left alone.
"""

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


TEXT_COLUMNS = ("ref", "title", "unit")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it without evaluating it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _InertWriter(csv.DictWriter):
    def writerow(self, rowdict):  # type: ignore[override]
        row = dict(rowdict)
        for column in TEXT_COLUMNS:
            if isinstance(row.get(column), str):
                row[column] = inert_cell(row[column])
        return super().writerow(row)


def score_csv(result: PeriodResult) -> str:
    """One row per team, objective, key result and guardrail; the ``level`` column says which."""
    buffer = io.StringIO()
    writer = _InertWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
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
