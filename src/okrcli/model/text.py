"""Text from files and command lines that okr shows back: what may never reach a terminal raw."""

from __future__ import annotations

import re

CONTROL_CHARACTERS = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")
"""Characters never intended in OKR text: C0 controls except tab and newline, DEL, C1 controls,
Unicode line and paragraph separators, and bidirectional overrides (which make text display
differently from what it says). Terminals act on some of them: ESC starts escape sequences
that can retitle the window, clear the screen or forge links."""

_LINE_BREAKS = re.compile("[\\n\\t]")


def first_control_character(text: str) -> str | None:
    """The first control character in ``text``, or None."""
    found = CONTROL_CHARACTERS.search(text)
    return found.group(0) if found else None


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u2028``).

    With ``one_line``, newlines and tabs are escaped too, for places where a line break
    would break the layout (a table cell, a CI annotation's title).
    """
    text = CONTROL_CHARACTERS.sub(_escape, text)
    if one_line:
        text = _LINE_BREAKS.sub(lambda m: "\\n" if m.group(0) == "\n" else "\\t", text)
    return text


def json_escaped(json_text: str) -> str:
    """``json_text`` with every control character written as a ``\\uXXXX`` escape: the same JSON value.

    ``json.dumps`` escapes C0 controls itself but leaves DEL, C1 controls and the Unicode
    separators raw: valid JSON, but a terminal may act on them, and :func:`printable` would
    then turn them into escapes JSON does not have. Outside strings JSON has none of them.
    """
    return CONTROL_CHARACTERS.sub(lambda match: f"\\u{ord(match.group(0)):04x}", json_text)
