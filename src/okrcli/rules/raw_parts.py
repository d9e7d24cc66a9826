"""The well-formed parts of a file's parsed YAML, read with the model's own field types.

The checks that need several fields (``rules/format.py``) and the summaries the
cross-file checks read (``rules/summary.py``) work on these parts, so that a typo in one
objective never hides a duplicate id or an unknown alignment in another: every problem
that does not depend on another is reported in the same run.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from pydantic import TypeAdapter, ValidationError

from okrcli.model.okrfile import Day, Number, PeriodName, ReferenceText, Slug

_SLUG = TypeAdapter(Slug)
_NUMBER = TypeAdapter(Number)
_DAY = TypeAdapter(Day)
_PERIOD = TypeAdapter(PeriodName)
_REFERENCE = TypeAdapter(ReferenceText)


def _valid(adapter: TypeAdapter, value: Any) -> Any:
    if value is None:
        return None
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def slug(value: Any) -> str | None:
    """``value`` when it is a well-formed id or team name, else None."""
    return _valid(_SLUG, value)


def number(value: Any) -> float | None:
    """``value`` as a finite number when the format accepts it, else None."""
    return _valid(_NUMBER, value)


def day(value: Any) -> date | None:
    """``value`` as a date when the format accepts it (a YAML date or a quoted ``YYYY-MM-DD``), else None."""
    return _valid(_DAY, value)


def period_name(value: Any) -> str | None:
    """``value`` as a period name okr can compute, else None."""
    return _valid(_PERIOD, value)


def reference(value: Any) -> str | None:
    """``value`` when it is a well-formed ``aligns_to`` reference, else None."""
    return _valid(_REFERENCE, value)


def mappings(parent: Any, key: str) -> Iterator[tuple[int, dict]]:
    """``(index, item)`` for the items of the list ``parent[key]`` that are mappings."""
    items = parent.get(key) if isinstance(parent, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def listed(parent: Any, key: str) -> list:
    """``parent[key]`` when it is a list, else an empty list."""
    items = parent.get(key) if isinstance(parent, dict) else None
    return items if isinstance(items, list) else []
