"""Text edits that never reformat a file: new check-ins are spliced into the original text.

Loading and dumping a hand-written file with a round-trip YAML library
rewrites lines nobody touched (issue 3 measured 11 to 65 of 60).  Instead the
parser's positions (:func:`okrcli.yamlio.writer.geometry`) say where the new lines
go; only those lines are rendered, in the file's own indentation, sequence
style and line endings, and spliced into the untouched text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from okrcli.model.errors import EditRefused
from okrcli.model.numbers import render_number
from okrcli.yamlio.writer import Geometry, geometry

_PLAIN_SAFE = re.compile(r"^[A-Za-z][^\n\r#:{}\[\],&*!|>'\"%@`]*$")
_RESERVED = re.compile(r"^(?:true|false|null|yes|no|on|off|~)$", re.IGNORECASE)


@dataclass(frozen=True)
class NewCheckIn:
    date: date
    value: float
    confidence: float | None = None
    note: str | None = None
    by: str | None = None
    source: str | None = None
    """The okr.toml source the value was pulled from (``okr pull``)."""

    def fields(self) -> list[tuple[str, str]]:
        result = [("date", self.date.isoformat()), ("value", render_number(self.value))]
        if self.confidence is not None:
            result.append(("confidence", render_number(self.confidence)))
        if self.note:
            result.append(("note", render_text(self.note)))
        if self.by:
            result.append(("by", render_text(self.by)))
        if self.source:
            result.append(("source", render_text(self.source)))
        return result


def render_text(text: str) -> str:
    """A YAML scalar for ``text``: plain when unambiguous, otherwise double-quoted."""
    if _PLAIN_SAFE.match(text) and not text.endswith(" ") and not _RESERVED.match(text) and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _walk(root: Geometry, path: tuple) -> Geometry:
    node = root
    for part in path:
        child = node.items[part] if isinstance(part, int) and node.items is not None else node.get(str(part))
        if child is None:
            raise EditRefused(f"cannot find {'/'.join(map(str, path))} in the file")
        node = child
    return node


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def line_end_after(text: str, pos: int) -> int:
    """Offset of the start of the line after the one containing ``pos`` (or ``pos`` if already one)."""
    if pos > 0 and text[pos - 1] == "\n":
        return pos
    newline = text.find("\n", pos)
    return len(text) if newline == -1 else newline + 1


def dash_column(text: str, item: Geometry) -> int:
    """0-based column of the ``-`` that introduces a block sequence item."""
    line_start = _line_start(text, item.start)
    dash = text.rfind("-", line_start, item.start)
    return dash - line_start if dash != -1 else item.column - 3


Fields = list[tuple[str, str]]
"""A new list item's keys and their rendered YAML values, in order."""


def _flow_item(fields: Fields) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in fields) + "}"


def _block_item(fields: Fields, dash: int, key: int, newline: str) -> str:
    lines = [" " * dash + "-" + " " * (key - dash - 1) + f"{fields[0][0]}: {fields[0][1]}"]
    lines += [" " * key + f"{k}: {v}" for k, v in fields[1:]]
    return newline.join(lines) + newline


def insert_lines(text: str, pos: int, block: str, newline: str) -> str:
    """Insert whole lines at ``pos`` (a line start, or the end of a file without a final newline)."""
    if pos == len(text) and text and not text.endswith("\n"):
        # keep "no newline at end of file": the new lines go after a newline, and end without one
        return text + newline + block[: -len(newline)]
    return text[:pos] + block + text[pos:]


def _sequence_style(text: str, root: Geometry, key: str) -> tuple[int, int]:
    """(dash offset from the parent key, key offset from the dash) as this file writes block lists."""
    sequences = sorted(_block_sequences(root), key=lambda pair: pair[0].value != key)
    for seq_key, seq in sequences:
        first = seq.items[0]
        if first.kind != "map" or first.flow:
            continue
        dash = dash_column(text, first)
        return dash - (seq_key.column - 1), (first.column - 1) - dash
    return 2, 2


def _block_sequences(node: Geometry):
    for key, value in node.pairs or []:
        if value.kind == "seq" and not value.flow and value.items:
            yield key, value
        yield from _block_sequences(value)
    for item in node.items or []:
        yield from _block_sequences(item)


def splice_checkin(text: str, path: tuple, new: NewCheckIn, replace: bool = False) -> str:
    """``text`` with ``new`` added to the check-ins of the key result or guardrail at ``path``.

    With ``replace``, an existing check-in of the same date is rewritten in place.
    Raises :class:`EditRefused` when the file cannot be parsed.
    """
    root = _parsed(text)
    newline = _newline(text)
    if replace:
        checkins = _walk(root, path).get("checkins")
        for item in (checkins.items or []) if checkins is not None else []:
            if item.kind == "map" and (item.get("date") and item.get("date").value == new.date.isoformat()):
                return _replace_item(text, checkins, item, new.fields(), newline)
    return append_item(text, path, "checkins", new.fields())


def _parsed(text: str) -> Geometry:
    root = geometry(text)
    if root is None:
        raise EditRefused("the file does not parse as YAML; fix it first (okr validate)")
    return root


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def append_item(text: str, path: tuple, key: str, fields: Fields) -> str:
    """``text`` with a mapping of ``fields`` appended to the list under ``key`` of the mapping at ``path``.

    The list is created (after the mapping's last line) when the key is absent; the new
    lines follow the list's own style (block or flow, indentation, line endings).
    """
    root = _parsed(text)
    newline = _newline(text)
    owner = _walk(root, path)
    items = owner.get(key)
    if owner.flow:
        return _into_flow_mapping(text, owner, items, key, fields)
    if items is None or (items.kind == "scalar" and items.value == ""):
        return _new_list_key(text, root, owner, key, fields, newline)
    if items.kind != "seq":
        raise EditRefused(f"'{key}' is not a list; fix it first (okr validate)")
    if items.flow:
        close = text.rindex("]", items.start, items.end)
        separator = ", " if items.items else ""
        return text[:close] + separator + _flow_item(fields) + text[close:]
    last = items.items[-1]
    dash = dash_column(text, last)
    pos = line_end_after(text, last.last_end())
    if last.kind == "map" and last.flow:
        block = " " * dash + "- " + _flow_item(fields) + newline
    else:
        column = (last.column - 1) if last.kind == "map" else dash + 2
        block = _block_item(fields, dash, column, newline)
    return insert_lines(text, pos, block, newline)


def replace_scalar(text: str, path: tuple, rendered: str) -> str:
    """``text`` with the scalar at ``path`` replaced by ``rendered``; the rest of its line (a comment) stays."""
    node = _walk(_parsed(text), path)
    if node.kind != "scalar":
        raise EditRefused(f"{'/'.join(map(str, path))} is not a single value; fix it first (okr validate)")
    return text[: node.start] + rendered + text[node.end :]


def _replace_item(text: str, checkins: Geometry, item: Geometry, fields: Fields, newline: str) -> str:
    if item.flow or checkins.flow:
        return text[: item.start] + _flow_item(fields) + text[item.end :]
    dash = dash_column(text, item)
    key = item.column - 1
    block = _block_item(fields, dash, key, newline)
    start = _line_start(text, item.start)
    end = line_end_after(text, item.last_end())
    if end == len(text) and not text.endswith("\n"):
        block = block[: -len(newline)]
    return text[:start] + block + text[end:]


def _into_flow_mapping(text: str, owner: Geometry, items: Geometry | None, key: str, fields: Fields) -> str:
    if items is not None and items.kind == "seq":
        close = text.rindex("]", items.start, items.end)
        separator = ", " if items.items else ""
        return text[:close] + separator + _flow_item(fields) + text[close:]
    close = text.rindex("}", owner.start, owner.end)
    return text[:close] + f", {key}: [" + _flow_item(fields) + "]" + text[close:]


def _new_list_key(text: str, root: Geometry, owner: Geometry, key: str, fields: Fields, newline: str) -> str:
    key_column = owner.pairs[0][0].column - 1
    dash_offset, key_offset = _sequence_style(text, root, key)
    existing_key = owner.key_of(key)
    dash = key_column + dash_offset
    item = _block_item(fields, dash, dash + key_offset, newline)
    if existing_key is not None:  # `checkins:` with no value
        pos = line_end_after(text, existing_key.end)
        return insert_lines(text, pos, item, newline)
    pos = line_end_after(text, owner.last_end())
    block = " " * key_column + f"{key}:" + newline + item
    return insert_lines(text, pos, block, newline)
