"""Diagnostics in the formats CI systems read: GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from okrcli import __version__
from okrcli.model.diagnostics import Diagnostic, display_path
from okrcli.model.text import json_escaped, printable
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
    """A SARIF 2.1.0 log: every rule with its documentation (from the registry), every finding with its region."""
    rules = RULES if rules is None else rules
    descriptors = [_descriptor(rule) for rule in rules]
    index = {rule.name: i for i, rule in enumerate(rules)}
    for name in sorted({d.rule for d in diagnostics if d.rule not in index}):
        # every code is registered (a test keeps it so); a result must still name a rule
        index[name] = len(descriptors)
        descriptors.append({"id": name, "name": _pascal_case(name), "shortDescription": {"text": name}})
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
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okr",
                        "fullName": "okrcli lint",
                        "version": __version__,
                        "informationUri": "https://github.com/okrcli/okrcli",
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return json_escaped(json.dumps(log, indent=2, ensure_ascii=False))


def _descriptor(rule) -> dict:
    """A SARIF reportingDescriptor: the rule's name, title, documentation and default level."""
    return {
        "id": rule.name,
        "name": _pascal_case(rule.name),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _level(rule.severity.value)},
    }


def _pascal_case(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def _level(severity: str) -> str:
    return {"error": "error", "warning": "warning", "info": "note"}[severity]
