"""References between OKRs.

``team/objective`` names an objective, ``team/objective/kr`` a key result,
both in the same period as the file that holds the reference.  A reference
into another period starts with that period and a colon:
``2026:company/customer-trust``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_SLUG = r"[a-z0-9][a-z0-9-]*"
REFERENCE_PATTERN = rf"^(?:[0-9]{{4}}(?:-(?:Q[1-4]|H[12]))?:)?{_SLUG}/{_SLUG}(?:/{_SLUG})?$"
_REFERENCE_RE = re.compile(REFERENCE_PATTERN)


@dataclass(frozen=True)
class Reference:
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
