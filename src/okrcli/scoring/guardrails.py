"""Guardrails: metrics that must stay on one side of a threshold while the objectives are pursued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrcli.model.okrfile import Guardrail
from okrcli.model.periods import Period
from okrcli.scoring.progress import checkins_until
from okrcli.scoring.statuses import BREACHED, NO_DATA, OK


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


def guardrail_status(guardrail: Guardrail, ref: str, period: Period, as_of: date) -> GuardrailResult:
    """``ok`` while the latest value is strictly on the right side of the threshold, else ``breached``."""
    seen = checkins_until(guardrail.checkins, min(as_of, period.end))
    value = seen[-1].value if seen else None
    if value is None:
        status = NO_DATA
    elif guardrail.must_stay == "below":
        status = OK if value < guardrail.threshold else BREACHED
    else:
        status = OK if value > guardrail.threshold else BREACHED
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
