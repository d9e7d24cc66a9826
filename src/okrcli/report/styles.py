"""How words look on a terminal: status and grade styles keyed by scoring's vocabulary, user text escaped."""

from __future__ import annotations

from rich.text import Text

from okrcli.model.text import printable
from okrcli.scoring import statuses as s

STATUS_STYLE = {
    s.DONE: "bold green",
    s.ON_TRACK: "green",
    s.AT_RISK: "yellow",
    s.OFF_TRACK: "red",
    s.STALE: "magenta",
    s.NOT_STARTED: "dim",
    s.ACHIEVED: "green",
    s.MISSED: "red",
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


def one_line(text: str | None) -> str:
    """Text from a file or the command line for one line of a terminal: every control character
    and line break escaped (``\\x1b``, ``\\n``), so it neither acts on the terminal nor breaks a row."""
    return printable(text or "", one_line=True)
