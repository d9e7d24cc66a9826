"""A key result's ``source:``: the name of a source defined in okr.toml, and what to pick out of it.

How a value is fetched (a command, a file, a URL) is defined only in okr.toml, so a
pull request that changes it is a change to okr.toml, reviewed like code. A team file
only names a source and, optionally, selects a value in what it returns:

- ``source: arr``: the whole output is the number;
- ``source: {name: kpis, select: /csat/value}``: a JSON Pointer (RFC 6901) into JSON;
- ``source: {name: sales, column: arr, row: emea}``: a CSV cell, in the row whose key
  column (``key``, default the first column) holds ``row`` (default: the last row).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from okrcli.model.references import SLUG_PATTERN

POINTER_PATTERN = r"^(/([^~]|~[01])*)*$"
"""RFC 6901: empty (the whole document), or ``/``-separated tokens where ``~`` is only ``~0`` or ``~1``."""

SOURCE_KEYS = ("command", "file", "url", "headers", "timeout")
"""okr.toml's ways to fetch a value: refused in a team file, which can only name a source."""


def pointer_problem(pointer: str) -> str | None:
    """Why ``pointer`` is not a JSON Pointer, or None when it is one."""
    if re.match(POINTER_PATTERN, pointer):
        return None
    if not pointer.startswith("/"):
        return f"'{pointer}' is not a JSON Pointer: it must start with '/', e.g. /data/0/value"
    return f"'{pointer}' is not a JSON Pointer: write '~' as ~0 and a '/' inside a key as ~1"


def _valid_pointer(pointer: str) -> str:
    problem = pointer_problem(pointer)
    if problem is not None:
        raise PydanticCustomError("pointer_syntax", "{problem}", {"problem": problem})
    return pointer


def _cell_text(value: Any) -> Any:
    # `row: 2026-11-01` and `row: 2026` are a date and a number in YAML; CSV cells are text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Pointer = Annotated[
    str,
    AfterValidator(_valid_pointer),
    Field(description="JSON Pointer (RFC 6901) into a JSON source, e.g. /data/result/0/value/1"),
]
CellText = Annotated[str, BeforeValidator(_cell_text)]


class SourceRef(BaseModel):
    """A source named by a key result, with what to pick out of its output."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=SLUG_PATTERN, description="a source defined in okr.toml: [sources.NAME]")]
    select: Pointer | None = None
    column: CellText | None = Field(None, description="CSV: the column holding the value")
    row: CellText | None = Field(None, description="CSV: the row whose key column holds this (default: the last row)")
    key: CellText | None = Field(None, description="CSV: the key column that `row` is looked up in (default: the first)")


def _source_kind(value: Any) -> str:
    return "detailed" if isinstance(value, dict) else "text"


SourceField = Annotated[
    Union[
        Annotated[str, Field(pattern=SLUG_PATTERN), Tag("text")],
        Annotated[SourceRef, Tag("detailed")],
    ],
    Discriminator(_source_kind),
    Field(description="a source defined in okr.toml, by name, or {name, select} / {name, column, row, key}"),
]
"""What a key result's ``source:`` may hold (the tags are the ones the error reader skips)."""


def source_ref(value: str | SourceRef | None) -> SourceRef | None:
    """``source: arr`` and ``source: {name: arr}`` alike, as a :class:`SourceRef`."""
    if value is None or isinstance(value, SourceRef):
        return value
    return SourceRef(name=value)
