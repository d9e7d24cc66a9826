"""The JSON Schema as editors read it: pydantic's schema, reshaped for yaml-language-server.

pydantic writes an optional field as ``anyOf: [X, {type: null}]`` with ``default: null``.
yaml-language-server shows such a field's hover heading twice (``Unit || Unit``) and its
completion inserts ``unit: null``; a pattern it cannot match is reported as the raw regex.
So, staying valid draft-07 (checked by tests/test_init_schema.py):

- a union whose branches have different types becomes one schema with a list of types
  (``type: [string, null]``): type-specific keywords (``pattern``, ``minimum``,
  ``properties``) only ever apply to values of their own type, so nothing is lost;
- ``default: null`` goes: a missing optional field is simply not written;
- every ``pattern`` and ``format: date`` carries ``patternErrorMessage``, the message
  yaml-language-server (and VS Code) shows instead of the regex.
"""

from __future__ import annotations

import copy
from typing import Any

from okrcli.model.periods import PERIOD_PATTERN
from okrcli.model.references import REFERENCE_PATTERN, SLUG_PATTERN

PATTERN_MESSAGES = {
    SLUG_PATTERN: "not an id: use lowercase letters, digits and hyphens, e.g. finance-ops",
    PERIOD_PATTERN: "not a period: write 2026-Q4 (a quarter), 2026-H1 (a half) or 2026 (a year)",
    REFERENCE_PATTERN: "not a reference: write team/objective or team/objective/kr with their ids, "
    "e.g. company/grow-revenue, or 2026-Q3:company/grow-revenue for another period's",
}
DATE_MESSAGE = "not a date: write YYYY-MM-DD, e.g. 2026-10-05"

_ANNOTATIONS = ("title", "description", "markdownDescription", "examples")


def editor_schema(schema: dict) -> dict:
    """``schema`` (pydantic's, with ``definitions``) with unions merged, null defaults dropped and readable pattern messages."""
    definitions = schema.get("definitions", {})
    return _reshape(copy.deepcopy(schema), definitions)


def _reshape(node: Any, definitions: dict) -> Any:
    if isinstance(node, list):
        return [_reshape(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _reshape(value, definitions) for key, value in node.items()}
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            merged = _merged_union(node[keyword], definitions)
            if merged is not None:
                del node[keyword]
                union, notes = merged
                node = {**notes, **union, **node}  # the field's own title and description win over a branch's
    if "default" in node and node["default"] is None:
        del node["default"]
    if isinstance(node.get("pattern"), str) and "patternErrorMessage" not in node:
        node["patternErrorMessage"] = PATTERN_MESSAGES.get(node["pattern"], f"does not have the expected form: {node.get('description', node['pattern'])}")
    if node.get("format") == "date":
        node.setdefault("patternErrorMessage", DATE_MESSAGE)
    return node


def _merged_union(branches: list, definitions: dict) -> tuple[dict, dict] | None:
    """One schema equivalent to ``anyOf``/``oneOf`` of ``branches``, or None when they cannot merge.

    They merge when each has one type, no two share it, and no keyword other than an
    annotation appears in two of them (a keyword only constrains values of its own type).
    """
    types: list[str] = []
    merged: dict = {}
    notes: dict = {}
    for branch in branches:
        if set(branch) == {"$ref"}:
            target = definitions.get(branch["$ref"].rsplit("/", 1)[-1])
            if target is None:
                return None
            branch = {key: value for key, value in _reshape(target, definitions).items() if key != "title"}
        kinds = branch.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if None in kinds or any(kind in types for kind in kinds) or "anyOf" in branch or "oneOf" in branch:
            return None
        types += kinds
        for key, value in branch.items():
            if key in _ANNOTATIONS:
                notes.setdefault(key, value)  # used when the field has none of its own
                continue
            if key == "type":
                continue
            if key in merged and merged[key] != value:
                return None
            merged[key] = value
    if "number" in types and "integer" in types:
        return None  # both numeric: minimum and friends would apply to both
    notes.pop("title", None)
    return {"type": types, **merged}, notes
