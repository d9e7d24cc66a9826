"""The baseline and target in force on a day: a re-baseline changes the future, never the past."""

from __future__ import annotations

from datetime import date

from okrcli.model.numbers import format_number
from okrcli.model.okrfile import KeyResult


def in_force(kr: KeyResult, day: date) -> tuple[KeyResult, list[str]]:
    """``kr`` with the baseline and target it had on ``day``, and an explanation line per re-baseline.

    The file holds today's values; each re-baseline record dated after ``day`` is undone
    (newest first), so a score as of a day before the record uses the old value.
    """
    if not kr.rebaselines:
        return kr, []
    values = {"baseline": kr.baseline, "target": kr.target}
    lines: list[str] = []
    for record in sorted(kr.rebaselines, key=lambda r: r.date, reverse=True):
        change = f"{record.field} re-baselined from {format_number(record.old)} to {format_number(record.new)} on {record.date} ({record.reason})"
        if record.date > day:
            values[record.field] = record.old
            lines.append(f"{change}: not yet in force on {day}")
        else:
            lines.append(f"{change}: in force")
    lines.reverse()
    lines.append(f"in force on {day}: baseline {format_number(values['baseline'])}, target {format_number(values['target'])}")
    if values["baseline"] == kr.baseline and values["target"] == kr.target:
        return kr, lines
    return kr.model_copy(update=values), lines
