"""Text from files and command lines that okr shows back: what may never reach a terminal raw."""

from __future__ import annotations

import re

CONTROL_CHARACTERS = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]")
"""Characters never intended in OKR text: C0 controls except tab and newline, DEL, C1 controls,
Unicode line and paragraph separators, and bidirectional overrides (which make text display
differently from what it says). Terminals act on some of them: ESC starts escape sequences
that can retitle the window, clear the screen or forge links."""

_LINE_BREAKS = re.compile("[\\n\\t]")

_SURROGATES = re.compile("[\\ud800-\\udfff]")
"""Lone surrogates: bytes of a file name or argument that are not UTF-8 (Python's surrogate
escapes). They cannot be written to a UTF-8 terminal, so they are shown as the byte they stand for."""


CONFLICT_MARKER = re.compile(r"^(<{7}|>{7})(?: |\r?$)", re.MULTILINE)
"""A line git writes into a file it could not merge (``<<<<<<< HEAD``, ``>>>>>>> branch``): at
the start of a line it is never YAML or TOML that okr reads (a note's block text is indented)."""

def _escape_surrogate(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


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
    text = _SURROGATES.sub(_escape_surrogate, text)
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


LINE_SEPARATORS = re.compile("\r\n|[\r\x85\u2028\u2029]")
"""What people mean as a line break besides ``\\n``: CRLF, CR, NEL and the Unicode line and
paragraph separators (pasted from a word processor or a web page)."""

_SHORT_NAMES = {
    0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0B: "VT", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
    0x85: "NEL",
}


def character_name(char: str) -> str:
    """``U+001B (ESC)``, ``U+2028 (LINE SEPARATOR)``: a character named so that people can find it."""
    import unicodedata

    name = _SHORT_NAMES.get(ord(char)) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def text_to_write(text: str, what: str, multiline: bool = False) -> str:
    """``text`` as okr may write it into a file; ValueError naming the first character it may not.

    Files with control characters fail validation, so okr never writes one. With
    ``multiline`` (a note), every kind of line break in :data:`LINE_SEPARATORS` becomes
    ``\\n``; otherwise a line break is refused too. ``what`` names the text in messages
    (``--note``). Bytes that were not UTF-8 (a surrogate escape in ``sys.argv``) are refused.
    """
    if multiline:
        text = LINE_SEPARATORS.sub("\n", text)
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            raise ValueError(f"{what} is not UTF-8 text (byte 0x{code - 0xDC00:02X})")
        if (char == "\n" and not multiline) or (char != "\n" and LINE_SEPARATORS.match(char)):
            raise ValueError(f"{what} contains a line break, {character_name(char)}; write it on one line")
        if CONTROL_CHARACTERS.match(char) or 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"{what} contains {character_name(char)}, a control character okr never writes into a file")
    return text
