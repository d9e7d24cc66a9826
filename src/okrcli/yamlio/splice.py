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
from okrcli.model.text import LINE_SEPARATORS
from okrcli.yamlio.flow import add_to_flow
from okrcli.yamlio.line_endings import edits_lines, line_ending
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
    """A YAML scalar for ``text``: plain when unambiguous, otherwise double-quoted.

    Double quotes keep what a plain scalar would lose: whitespace at either end (a trailing
    tab), line breaks (as ``\\n``). Every kind of line break (CR, NEL, the Unicode line and
    paragraph separators) is written as a newline. Other control characters must not reach
    this (see :func:`okrcli.model.text.text_to_write`): a file with one fails validation.
    """
    text = LINE_SEPARATORS.sub("\n", text)
    if _PLAIN_SAFE.match(text) and text == text.strip() and "\t" not in text and not _RESERVED.match(text) and " #" not in text:
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


@edits_lines
def splice_checkin(text: str, path: tuple, new: NewCheckIn, replace: bool = False) -> str:
    """``text`` with ``new`` added to the check-ins of the key result or guardrail at ``path``.

    With ``replace``, an existing check-in of the same date takes the values ``new`` has,
    each in place; what ``new`` leaves out (a note, a confidence) and comments stay.
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


def naming_file(message: str, path) -> str:
    """An edit's refusal (``the file mixes line endings...``) with the file's name in it."""
    return f"{path} {message[len('the file '):]}" if message.startswith("the file ") else f"{path}: {message}"


def _parsed(text: str) -> Geometry:
    root = geometry(text)
    if root is None:
        raise EditRefused("the file does not parse as YAML; fix it first (okr validate)")
    return root


def _newline(text: str) -> str:
    return line_ending(text)


@edits_lines
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
        return _into_flow_mapping(text, owner, items, key, fields, newline)
    if items is None or (items.kind == "scalar" and items.value == ""):
        return _new_list_key(text, root, owner, key, fields, newline)
    if items.kind != "seq":
        raise EditRefused(f"'{key}' is not a list; fix it first (okr validate)")
    if items.flow:
        return add_to_flow(text, items, _flow_item(fields), newline)
    last = items.items[-1]
    dash = dash_column(text, last)
    pos = line_end_after(text, last.last_end())
    if last.kind == "map" and last.flow:
        block = " " * dash + "- " + _flow_item(fields) + newline
    else:
        column = (last.column - 1) if last.kind == "map" else dash + 2
        block = _block_item(fields, dash, column, newline)
    return insert_lines(text, pos, block, newline)


@edits_lines
def replace_scalar(text: str, path: tuple, rendered: str) -> str:
    """``text`` with the scalar at ``path`` replaced by ``rendered``; the rest of its line (a comment) stays."""
    node = _walk(_parsed(text), path)
    if node.kind != "scalar":
        raise EditRefused(f"{'/'.join(map(str, path))} is not a single value; fix it first (okr validate)")
    return text[: node.start] + rendered + text[node.end :]


def _replace_item(text: str, checkins: Geometry, item: Geometry, fields: Fields, newline: str) -> str:
    """``text`` with the check-in ``item`` taking the values in ``fields`` (its date first, which stays).

    Each value is replaced where it stands; keys the item lacks are added after its last
    one. Keys ``fields`` leaves out keep their values, and every other byte (comments,
    order, the quoting of the rest) stays as it was.
    """
    edits = []
    missing = []
    for key, rendered in fields[1:]:
        value = item.get(key)
        if value is None:
            missing.append(f"{key}: {rendered}")
        else:
            edits.append(_value_edit(text, item, key, value, rendered))
    if missing and (item.flow or checkins.flow):
        text = add_to_flow(text, item, ", ".join(missing), newline)  # after every value edit's offset
    elif missing:
        lines = "".join(" " * (item.column - 1) + line + newline for line in missing)
        text = insert_lines(text, line_end_after(text, item.last_end()), lines, newline)
    for start, end, rendered in sorted(edits, reverse=True):
        text = text[:start] + rendered + text[end:]
    return text


def _value_edit(text: str, item: Geometry, key: str, value: Geometry, rendered: str) -> tuple[int, int, str]:
    """(start, end, new text) that put ``rendered`` in place of the value of ``key``."""
    if value.kind != "scalar":
        raise EditRefused(f"the check-in's '{key}' is not a single value; fix it first (okr validate)")
    if value.style is None and value.value == "":  # `note:` with nothing after it
        colon = text.index(":", item.key_of(key).end)
        return colon + 1, colon + 1, " " + rendered
    if value.style in ("|", ">"):  # keep a comment after the indicator, and the line break after the text
        header_end = text.find("\n", value.start, value.end)
        header = text[value.start : header_end if header_end != -1 else value.end].rstrip("\r")
        comment = header[header.index(" #") :] if " #" in header else ""
        return value.start, value.start + len(text[value.start : value.end].rstrip(" \t\r\n")), rendered + comment
    return value.start, value.end, rendered


def _into_flow_mapping(text: str, owner: Geometry, items: Geometry | None, key: str, fields: Fields, newline: str) -> str:
    if items is not None and items.kind == "seq":
        return add_to_flow(text, items, _flow_item(fields), newline)
    return add_to_flow(text, owner, f"{key}: [" + _flow_item(fields) + "]", newline)


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
