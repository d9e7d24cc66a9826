"""From a source's raw output to a key result's number.

The output is read once per source (:func:`read_output`): JSON for a ``url`` and a
``file`` (a ``.csv`` file is a table), JSON or plain text for a ``command``. Each key
result then picks its value (:func:`select_value`): a JSON Pointer (RFC 6901) into JSON,
a column and a row of a CSV table, or the whole output; and the value becomes a number
with the reader ``okr checkin`` uses (:func:`to_number`: ``41.5%``, ``1.2k``, ``$2M``).
Every failure is a :class:`ValueProblem` saying what was found instead.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from okrcli.model.numbers import parse_number
from okrcli.model.source_ref import SourceRef
from okrcli.repo.sources import Source

_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


class ValueProblem(Exception):
    """No number could be taken from a source's output for a key result."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    """A CSV file: its header and its rows (each padded or cut to the header's width)."""

    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Output:
    """What a source returned: ``json`` (any JSON value), ``csv`` (a :class:`Table`) or ``text``."""

    kind: str
    data: Any


def read_output(raw: bytes, source: Source) -> Output:
    """``raw`` read the way ``source`` is read; ValueProblem when it is not what it should be."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueProblem("the output is not UTF-8 text") from None
    if source.is_csv:
        return Output("csv", _table(text))
    try:
        return Output("json", json.loads(text, parse_constant=_no_constant))
    except (json.JSONDecodeError, ValueError) as exc:
        if source.command is not None:
            return Output("text", text.strip())
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise ValueProblem(f"the output is not JSON{where}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _table(text: str) -> Table:
    rows = [row for row in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in row)]
    if not rows:
        raise ValueProblem("the CSV file is empty: it needs a header line and at least one row")
    columns = [cell.strip() for cell in rows[0]]
    width = len(columns)
    body = [[cell.strip() for cell in row[:width]] + [""] * (width - len(row)) for row in rows[1:]]
    if not body:
        raise ValueProblem("the CSV file has a header but no rows")
    return Table(columns, body)


def select_value(output: Output, ref: SourceRef, default_select: str | None) -> Any:
    """The value ``ref`` picks out of ``output`` (a JSON value or a CSV cell, not yet a number)."""
    csv_choice = ref.column is not None or ref.row is not None or ref.key is not None
    if output.kind == "csv":
        if ref.select is not None:
            raise ValueProblem("a CSV source is read by column and row: write source: {name: ..., column: ..., row: ...}")
        return _cell(output.data, ref)
    if csv_choice:
        raise ValueProblem("column, row and key choose a cell of a CSV file; this source returns JSON or text: use select: /pointer")
    pointer = ref.select if ref.select is not None else default_select
    if output.kind == "text":
        if pointer:
            raise ValueProblem(f"the output is plain text, not JSON, so it has nothing at {pointer}")
        return output.data
    return resolve_pointer(output.data, pointer or "")


def _cell(table: Table, ref: SourceRef) -> str:
    if ref.column is None:
        raise ValueProblem(f"a CSV source needs a column: source: {{name: {ref.name}, column: ...}} (columns: {_listing(table.columns)})")
    key = ref.key if ref.key is not None else table.columns[0]
    for name in (ref.column, key):
        if name not in table.columns:
            raise ValueProblem(f"the CSV file has no column '{name}' (columns: {_listing(table.columns)})")
    if ref.row is None:
        row = table.rows[-1]
    else:
        at = table.columns.index(key)
        matching = [row for row in table.rows if row[at] == ref.row]
        if not matching:
            raise ValueProblem(f"no row of the CSV file has '{ref.row}' in column '{key}'")
        row = matching[-1]  # exports list oldest first: the last match is the newest
    return row[table.columns.index(ref.column)]


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at JSON Pointer ``pointer`` (RFC 6901) in ``document``."""
    node = document
    walked = ""
    for token in pointer.split("/")[1:] if pointer else []:
        key = token.replace("~1", "/").replace("~0", "~")
        here = walked or "the top level"
        if isinstance(node, dict):
            if key not in node:
                raise ValueProblem(f"no value at {pointer}: {here} has no key '{key}' (keys: {_listing(list(node))})")
            node = node[key]
        elif isinstance(node, list):
            if not _INDEX.match(key):
                raise ValueProblem(f"no value at {pointer}: {here} is a list, and '{key}' is not an index (0, 1, ...)")
            if int(key) >= len(node):
                raise ValueProblem(f"no value at {pointer}: {here} is a list of {len(node)} item{'s' if len(node) != 1 else ''}")
            node = node[int(key)]
        else:
            raise ValueProblem(f"no value at {pointer}: {here} is {_kind(node)}, with nothing inside")
        walked += "/" + token
    return node


def to_number(value: Any, unit: str | None, where: str) -> float:
    """``value`` as a key result's number: a JSON number, or text the check-in reader accepts."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        hint = "; choose the number inside it with select: /key" if isinstance(value, (dict, list)) else ""
        raise ValueProblem(f"{where} is {_kind(value)}, not a number{hint}")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise ValueProblem(f"{where} is too large to be a number okr can store")
        return number
    try:
        return parse_number(str(value), unit)
    except ValueError:
        shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "..."
        raise ValueProblem(f"{where} is {shown!r}, not a number") from None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return "a value"


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
    return shown or "none"
