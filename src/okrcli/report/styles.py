"""How the status and grade words look on a terminal (rich styles), keyed by scoring's vocabulary."""

from __future__ import annotations

from rich.text import Text

from okrcli.scoring import statuses as s

STATUS_STYLE = {
    s.DONE: "bold green",
    s.ON_TRACK: "green",
    s.AT_RISK: "yellow",
    s.OFF_TRACK: "red",
    s.STALE: "magenta",
    s.NOT_STARTED: "dim",
    s.OK: "green",
    s.BREACHED: "bold red",
    s.NO_DATA: "dim",
}
"""Every key-result and guardrail status: green is good, red needs action, dim has nothing yet."""

GRADE_STYLE = {s.GREEN: "green", s.YELLOW: "yellow", s.RED: "red", s.MET: "green", s.MISSED: "red", s.OPEN: "cyan"}
"""Every grade in :data:`okrcli.scoring.statuses.GRADES`."""


def styled(word: str, styles: dict[str, str]) -> Text:
    """``word`` in its style; unstyled when ``styles`` does not know it."""
    return Text(word, style=styles.get(word, ""))
