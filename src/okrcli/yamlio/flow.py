"""Adding an entry to a flow collection (``[...]``, ``{...}``) in the layout it is written in.

On one line (``[{...}, {...}]``) the new entry follows the last one: ``, new``. A list
written across lines whose last entry ends with a comma, perhaps with a comment after it::

    checkins: [
      {date: 2026-10-05, value: 35},  # c
    ]

gets the new entry on a line of its own, indented like the last one and ending with a
comma too. Without that comma the new entry follows the last one on its line
(``{...}, new  # c``), so a comment after it stays at the line's end.
"""

from __future__ import annotations

from okrcli.yamlio.writer import Geometry


def add_to_flow(text: str, node: Geometry, entry: str, newline: str) -> str:
    """``text`` with ``entry`` (rendered YAML) added as the last entry of the flow collection ``node``."""
    close = text.rindex("]" if node.kind == "seq" else "}", node.start, node.end)
    last = _last_entry(node)
    if last is None:
        return text[:close] + entry + text[close:]
    start, end = last
    comma = _comma_after(text, end, close)
    if comma is None:
        return text[:end] + ", " + entry + text[end:]
    if "\n" not in text[comma:close]:
        return text[: comma + 1] + " " + entry + "," + text[comma + 1 :]
    pos = text.index("\n", comma) + 1
    return text[:pos] + " " * _indent(text, start, close) + entry + "," + newline + text[pos:]


def _last_entry(node: Geometry) -> tuple[int, int] | None:
    """(start, end) offsets of the last entry: an item, or a key and its value."""
    if node.kind == "seq":
        return (node.items[-1].start, node.items[-1].end) if node.items else None
    if not node.pairs:
        return None
    key, value = node.pairs[-1]
    return key.start, max(key.end, value.end)


def _comma_after(text: str, pos: int, close: int) -> int | None:
    """The offset of a comma between ``pos`` and ``close`` (only blanks and comments around it), or None."""
    while pos < close:
        char = text[pos]
        if char == ",":
            return pos
        if char == "#":
            newline = text.find("\n", pos, close)
            pos = close if newline == -1 else newline
        elif char in " \t\r\n":
            pos += 1
        else:
            return None
    return None


def _indent(text: str, entry_start: int, close: int) -> int:
    """The column for a new line: the last entry's, when it begins its line; else two right of a closing line."""
    entry_line = text.rfind("\n", 0, entry_start) + 1
    if not text[entry_line:entry_start].strip():
        return entry_start - entry_line
    close_line = text.rfind("\n", 0, close) + 1
    if not text[close_line:close].strip():
        return close - close_line + 2
    return entry_start - entry_line
