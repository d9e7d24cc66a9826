"""Turn pydantic validation errors into located, actionable diagnostics."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.location import SourceMap
from okrcli.model.okrfile import MODEL_NAMES, model_at
from okrcli.model.source_ref import SOURCE_KEYS

_NUMBER_ERRORS = {"float_type", "float_parsing", "finite_number", "int_type", "int_parsing"}
_DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}
_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "list",
    "model_type": "mapping (key: value pairs)",
    "dict_type": "mapping (key: value pairs)",
    "model_attributes_type": "mapping (key: value pairs)",
    "bool_type": "true or false",
}
_FIELD_HINTS = {
    "period": "use a quarter (2026-Q4), a half (2026-H1) or a year (2026)",
    "aligns_to": "write team/objective-id, team/objective-id/kr-id, or PERIOD:team/objective-id",
    "id": "use lowercase letters, digits and hyphens, e.g. reduce-close-time",
    "team": "use lowercase letters, digits and hyphens, e.g. finance-ops",
}


def describe(path: tuple, data: Any) -> str:
    """A readable name for the mapping at ``path``: ``key result 'nps' of objective 'delight'``."""
    parts: list[str] = []
    node = data
    walked: tuple = ()
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        walked += (part,)
        if isinstance(part, int) and isinstance(node, dict):
            kind = MODEL_NAMES[model_at(walked).__name__]
            label = node.get("id") or node.get("date") or node.get("title")
            parts.append(f"{kind} '{label}'" if isinstance(label, (str, int)) or label else f"{kind} #{part + 1}")
    if not parts:
        return "the file"
    return " of ".join(reversed(parts))


def _value_text(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    return str(value)


def _unit_hint(field: str | None, value: Any) -> str | None:
    """What to write instead of a number with a unit in it: ``confidence: 80%`` -> 0.8, ``value: 12%`` -> 12."""
    text = str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").strip().replace(",", ""))
    except ValueError:
        return None
    if field == "confidence":
        if percent or 5 <= number <= 100:  # 60 or 80 mean a percentage; 1.5 is just too high
            return f"confidence is a fraction, not a percentage: write {number / 100:g} for {number:g}%"
        return "confidence is a fraction from 0 to 1: 0.6 means 60%"
    if percent:
        return f"write {number:g} and put the unit in the key result's `unit: \"%\"`"
    return None


def to_diagnostics(errors: list[dict], source_map: SourceMap, data: Any, file: Path, reported: frozenset) -> list[Diagnostic]:
    """One diagnostic per pydantic error, pointing at the offending key or value."""
    result: list[Diagnostic] = []
    seen: set[tuple] = set()
    unknown_at = {tuple(p["loc"][:-1]) for p in errors if p["type"] == "extra_forbidden"}
    errors = [p for p in errors if not (p["type"] == "missing" and tuple(p["loc"][:-1]) in unknown_at)]
    for problem in errors:
        diag = _diagnostic_for(problem, source_map, data, file)
        loc_path = source_map.resolve(problem["loc"])
        if loc_path in reported:
            continue  # the YAML reader already reported this value (e.g. a bad date)
        key = (diag.span, diag.rule, diag.message)
        if key not in seen:
            seen.add(key)
            result.append(diag)
    return result


def _diagnostic_for(problem: dict, source_map: SourceMap, data: Any, file: Path) -> Diagnostic:
    # each code here is documented in rules/file_format/ (a test scans for codes, so keep them literal)
    loc = tuple(problem["loc"])
    kind = problem["type"]
    value = problem.get("input")
    path = source_map.resolve(loc)
    field = next((p for p in reversed(loc) if isinstance(p, str) and p not in ("text", "detailed")), None)

    if kind == "missing":
        container = source_map.resolve(loc[:-1])
        name = loc[-1]
        return error(
            "missing-field",
            f"{describe(container, data)} is missing the required field '{name}'",
            file,
            source_map.value(container),
            f"add `{name}:` to it" + (" (a number)" if name in ("baseline", "target", "value", "threshold") else ""),
        )
    if kind == "extra_forbidden":
        name = str(loc[-1])
        container = source_map.resolve(loc[:-1])
        allowed = list(model_at(container).model_fields)
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
        if " " in name:
            hint = "text containing ': ' must be quoted; put the whole text in quotes"
        if name in SOURCE_KEYS:
            hint = "a team file only names a source (source: NAME); how it is fetched is defined in okr.toml, [sources.NAME]"
        return error(
            "unknown-field",
            f"unknown field '{name}' in {describe(container, data)}",
            file,
            source_map.key(container + (name,)),
            hint,
        )
    where = describe(path[:-1] if path and isinstance(path[-1], str) else path, data)
    span = source_map.value(path)
    if field == "objectives" and kind == "too_short":
        return error("missing-field", "the file has no objectives", file, source_map.key(path), "add at least one objective")
    if kind in _NUMBER_ERRORS:
        hint = _unit_hint(field, value) or "write a plain number such as 7 or 12.5; put the unit in `unit:`"
        if kind == "finite_number":
            hint = "use a finite number"
        return error("not-a-number", f"'{field}' of {where} must be a number, got {_value_text(value)}", file, span, hint)
    if kind in _DATE_ERRORS:
        return error("bad-date", f"'{field}' of {where} must be a date, got {_value_text(value)}", file, span, "write dates as YYYY-MM-DD")
    if kind in _RANGE_ERRORS:
        limit = next(iter(problem.get("ctx", {}).values()), None)
        hint = _unit_hint(field, value) if field == "confidence" else None
        bound = {"greater_than": "above", "greater_than_equal": "at least", "less_than": "below", "less_than_equal": "at most"}[kind]
        return error("out-of-range", f"'{field}' of {where} is {_value_text(value)}; it must be {bound} {limit}", file, span, hint)
    if kind == "string_pattern_mismatch":
        rule = {"period": "bad-period", "aligns_to": "bad-reference"}.get(field, "bad-slug")
        return error(rule, f"'{field}' of {where} is {_value_text(value)}, which is not valid", file, span, _FIELD_HINTS.get(field or "", _FIELD_HINTS["id"]))
    if kind == "period_not_computable":
        return error("bad-period", f"'{field}' of {where} is {_value_text(value)}, which okr cannot use: {problem['msg']}", file, span, "choose a period between 0001 and 9999-Q3")
    if kind == "literal_error":
        expected = problem.get("ctx", {}).get("expected", "")
        return error("invalid-value", f"'{field}' of {where} must be {expected}, got {_value_text(value)}", file, span)
    if kind == "string_too_short":
        return error("invalid-value", f"'{field}' of {where} must not be empty", file, span)
    if kind in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind]
        hint = None
        if kind == "string_type" and not isinstance(value, (dict, list)):
            hint = f'put the value in quotes: "{value}"' if value is not None else "write some text after the colon"
        return error("wrong-type", f"'{field}' of {where} must be {expected}, got {_value_text(value)}", file, span, hint)
    return error("invalid-value", f"'{field}' of {where}: {problem['msg']}", file, span)
