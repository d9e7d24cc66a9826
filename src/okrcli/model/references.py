"""References between OKRs.

``team/objective`` names an objective, ``team/objective/kr`` a key result,
both in the same period as the file that holds the reference.  A reference
into another period starts with that period and a colon:
``2026:company/customer-trust``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # okrfile imports this module's patterns: no import at run time
    from okrcli.model.okrfile import Guardrail, KeyResult, Objective, OkrFile

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_SLUG = r"[a-z0-9][a-z0-9-]*"
REFERENCE_PATTERN = rf"^(?:[0-9]{{4}}(?:-(?:Q[1-4]|H[12]))?:)?{_SLUG}/{_SLUG}(?:/{_SLUG})?$"
_REFERENCE_RE = re.compile(REFERENCE_PATTERN)


@dataclass(frozen=True)
class Reference:
    """What a reference names: a team's objective, or one of its key results, in a period."""

    team: str
    objective: str
    key_result: str | None = None
    period: str | None = None

    def __str__(self) -> str:
        text = f"{self.team}/{self.objective}"
        if self.key_result:
            text += f"/{self.key_result}"
        return f"{self.period}:{text}" if self.period else text

    def in_period(self, default: str) -> "Reference":
        """This reference with its period made explicit."""
        return Reference(self.team, self.objective, self.key_result, self.period or default)


def parse_reference(text: str) -> Reference:
    """Parse a reference; raises ValueError with a readable reason."""
    if not _REFERENCE_RE.match(text):
        raise ValueError(
            f"{text!r} is not a reference: write team/objective, team/objective/kr, "
            "or PERIOD:team/objective for another period (e.g. 2026:company/customer-trust)"
        )
    period = None
    if ":" in text:
        period, text = text.split(":", 1)
    parts = text.split("/")
    return Reference(parts[0], parts[1], parts[2] if len(parts) == 3 else None, period)


@dataclass(frozen=True)
class Located:
    """Where a reference points inside one file: the node path and what is there."""

    node_path: tuple
    """``("objectives", o)`` or ``("objectives", o, "key_results", k)``."""
    objective: "Objective"
    key_result: "KeyResult | None" = None


def locate(okr: "OkrFile", ref: Reference) -> Located | None:
    """The objective (or key result) ``ref`` names inside ``okr``; None when it has no such one.

    ``okr`` is the file the caller chose for ``ref``'s team and period; only the ids are
    matched here.
    """
    for o, objective in enumerate(okr.objectives):
        if objective.id != ref.objective:
            continue
        if ref.key_result is None:
            return Located(("objectives", o), objective)
        for k, key_result in enumerate(objective.key_results):
            if key_result.id == ref.key_result:
                return Located(("objectives", o, "key_results", k), objective, key_result)
        return None
    return None


def locate_guardrail(okr: "OkrFile", guardrail_id: str) -> tuple[tuple, "Guardrail"] | None:
    """The node path of the guardrail ``guardrail_id`` in ``okr``, and the guardrail; None when absent."""
    for g, guardrail in enumerate(okr.guardrails):
        if guardrail.id == guardrail_id:
            return ("guardrails", g), guardrail
    return None
