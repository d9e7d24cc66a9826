"""Diagnostics in the formats CI systems read: GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from okrcli import __version__
from okrcli.model.diagnostics import Diagnostic, display_path
from okrcli.model.text import printable
from okrcli.report.json_text import json_document
from okrcli.rules.registry import RULES

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_LIMIT = 10
"""GitHub shows at most 10 annotations of each level per step."""


def _escape_data(text: str) -> str:
    # after the line breaks are encoded, any other control character is shown escaped, never raw
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: list[Diagnostic], base: Path | None = None) -> str:
    """One ``::error file=...,line=...,col=...,title=...::message`` line per diagnostic."""
    lines = []
    for d in diagnostics:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", display_path(d.file, base)),
                ("line", d.span.line),
                ("col", d.span.column),
                ("endLine", d.span.end_line),
                ("endColumn", d.span.end_column),
                ("title", f"okr {d.rule}"),
            )
        )
        message = d.message + (f"\n{d.hint}" if d.hint else "")
        lines.append(f"::{GITHUB_LEVEL[d.severity.value]} {properties}::{_escape_data(message)}")
    counts = Counter(GITHUB_LEVEL[d.severity.value] for d in diagnostics)
    hidden = {level: n - GITHUB_LIMIT for level, n in counts.items() if n > GITHUB_LIMIT}
    if hidden:
        detail = ", ".join(f"{n} more {level}s" for level, n in sorted(hidden.items()))
        lines.append(
            f"::notice title=okr lint::{len(diagnostics)} findings; GitHub shows {GITHUB_LIMIT} annotations of each "
            f"level per step, so {detail} are only in this log (run okr lint locally for all of them)"
        )
    return "\n".join(lines)


def sarif(diagnostics: list[Diagnostic], rules=None, base: Path | None = None) -> str:
    """A SARIF 2.1.0 log: every rule with its documentation (from the registry), every finding with its region.

    Paths are relative to ``base`` (the repository's root, see ``usecases.ci_root``), which
    ``originalUriBaseIds`` names as ``%SRCROOT%``.
    """
    rules = RULES if rules is None else rules
    descriptors = [_descriptor(rule) for rule in rules]
    index = {rule.name: i for i, rule in enumerate(rules)}
    for name in sorted({d.rule for d in diagnostics if d.rule not in index}):
        # every code is registered (a test keeps it so); a result must still name a rule
        index[name] = len(descriptors)
        descriptors.append({"id": name, **_name(name), "shortDescription": {"text": name}})
    results = [
        {
            "ruleId": d.rule,
            "ruleIndex": index[d.rule],
            "level": _level(d.severity.value),
            "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": display_path(d.file, base), "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": d.span.line,
                            "startColumn": d.span.column,
                            "endLine": max(d.span.end_line, d.span.line),
                            "endColumn": max(d.span.end_column, d.span.column + (1 if d.span.end_line == d.span.line else 0)),
                        },
                    }
                }
            ],
        }
        for d in diagnostics
    ]
    run = _run(descriptors, base)
    run["invocations"] = [{"executionSuccessful": True}]
    run["results"] = results
    return _log(run)


_PLACE = re.compile(r"^(?P<file>[^\n]+?)(?::(?P<line>[0-9]+):(?P<column>[0-9]+))?: ")
_TOML_PLACE = re.compile(r"\(at line (?P<line>[0-9]+), column (?P<column>[0-9]+)\)")


@dataclass(frozen=True)
class Failure:
    """Why okr could not lint at all (no okr.toml, a bad okr.toml, a ref git cannot compare with), and where."""

    message: str
    hint: str | None = None
    file: Path | None = None
    line: int | None = None
    column: int | None = None


def failure(message: str, hint: str | None = None) -> Failure:
    """A stopping error, with the file and line its message starts with (``okr.toml:3:1: ...``) taken out."""
    match = _PLACE.match(message)
    if match is None or not Path(match["file"]).is_file():
        return Failure(message, hint)
    rest = message[match.end():]
    line, column = match["line"], match["column"]
    toml = _TOML_PLACE.search(rest) if line is None else None
    if toml is not None:
        line, column = toml["line"], toml["column"]
    return Failure(rest, hint, Path(match["file"]), int(line) if line else None, int(column) if column else None)


def github_failure(stop: Failure, base: Path | None = None) -> str:
    """An ``::error`` annotation for a run that could not lint, on the file and line at fault when known."""
    places = [("file", display_path(stop.file, base))] if stop.file else []
    places += [(key, value) for key, value in (("line", stop.line), ("col", stop.column)) if value is not None]
    properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in [*places, ("title", "okr lint failed")])
    message = stop.message + (f"\n{stop.hint}" if stop.hint else "")
    return f"::error {properties}::{_escape_data(message)}"


def sarif_failure(stop: Failure, rules=None, base: Path | None = None) -> str:
    """A SARIF log for a run that could not lint: the reason as a tool notification (GitHub shows it as the
    tool's status), on the file and line at fault when known, and no results."""
    rules = RULES if rules is None else rules
    run = _run([_descriptor(rule) for rule in rules], base)
    notification: dict = {"level": "error", "message": {"text": stop.message + (f" ({stop.hint})" if stop.hint else "")}}
    if stop.file is not None:
        location: dict = {"artifactLocation": {"uri": display_path(stop.file, base), "uriBaseId": "%SRCROOT%"}}
        if stop.line is not None:
            location["region"] = {"startLine": stop.line, **({"startColumn": stop.column} if stop.column else {})}
        notification["locations"] = [{"physicalLocation": location}]
    run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [notification]}]
    run["results"] = []  # GitHub refuses a run without the array
    return _log(run)


def _run(descriptors: list[dict], base: Path | None) -> dict:
    run: dict = {
        "tool": {
            "driver": {
                "name": "okr",
                "fullName": "okrcli lint",
                "version": __version__,
                "informationUri": "https://github.com/okrcli/okrcli",
                "rules": descriptors,
            }
        },
    }
    if base is not None:
        root = {"uri": base.resolve().as_uri().rstrip("/") + "/", "description": {"text": "the repository's root"}}
        run["originalUriBaseIds"] = {"%SRCROOT%": root}
    return run


def _log(run: dict) -> str:
    return json_document({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]})


def _descriptor(rule) -> dict:
    """A SARIF reportingDescriptor: the rule's name, title, documentation and default level."""
    return {
        "id": rule.name,
        **_name(rule.name),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _level(rule.severity.value)},
    }


def _name(rule: str) -> dict:
    # SARIF wants a readable name that differs from the id; a one-word rule (`encoding`) goes without one
    name = "".join(part.capitalize() for part in rule.split("-"))
    return {} if name.lower() == rule.lower() else {"name": name}


def _level(severity: str) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity]
