"""Reading one OKR file: bytes -> text -> located YAML -> validated model.

Never raises on bad data: a file that fails comes back without a model and with
its problems as located diagnostics. The checks that need more than one field
(``rules/format.py``) and more than one file (``rules/cross_file.py``) run in the
load pipeline (``usecases/pipeline.py``), not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.okrfile import OkrFile
from okrcli.repo.discovery import unreadable_problem
from okrcli.repo.repository import Suppression, TeamFile
from okrcli.repo.schema_errors import to_diagnostics
from okrcli.yamlio.reader import ParsedDocument, decode_text, parse_yaml



@dataclass
class FileRead:
    """A file as read: its model (None when it does not validate), problems, and the (period, team) it declares."""

    path: Path
    team_file: TeamFile | None
    diagnostics: list[Diagnostic]
    declared: tuple[str | None, str | None] = (None, None)
    document: ParsedDocument | None = None
    """The parsed YAML (data and positions) whenever it is a mapping, valid or not: the checks
    that need several fields run on its well-formed parts even when the model fails."""


def read_team_file(path: Path, raw: bytes | None = None, positions: bool = True) -> FileRead:
    """Parse and validate one file; ``positions=False`` keeps no source map (faster, smaller)."""
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return FileRead(path, None, [unreadable_problem(path, exc)])
    text, diagnostics = decode_text(raw, path)
    if text is None:
        return FileRead(path, None, diagnostics)
    document, diagnostics = parse_yaml(text, path, positions)
    if document is None:
        return FileRead(path, None, diagnostics)
    data = document.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return FileRead(
            path,
            None,
            diagnostics
            + [
                error(
                    "not-a-mapping",
                    f"the file's top level is {kind}, not a mapping",
                    path,
                    document.source_map.value(()),
                    "start the file with `team:`, `period:` and `objectives:`",
                )
            ],
        )
    declared = (_text(data.get("period")), _text(data.get("team")))
    try:
        okr = OkrFile.model_validate(data)
    except ValidationError as exc:
        found = to_diagnostics(exc.errors(), document.source_map, data, path, document.reported)
        return FileRead(path, None, diagnostics + found, declared, document)
    if diagnostics:  # the reader found problems (duplicate keys, bad dates) pydantic cannot see
        return FileRead(path, None, diagnostics, declared, document)
    team_file = TeamFile(path, okr, document.source_map, find_suppressions(text) if "okr:" in text else ())
    return FileRead(path, team_file, [], declared, document)


_SUPPRESSION = re.compile(
    r"#\s*okr:\s*disable-(?P<kind>line|file)\s+(?P<rules>[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)(?:\s+--\s*(?P<reason>.*?))?\s*$"
)


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """``# okr: disable-line RULE`` (on the line, or alone on the line above) and ``# okr: disable-file RULE``."""
    found = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        match = _SUPPRESSION.search(line)
        if not match:
            continue
        rules = tuple(r.strip() for r in match["rules"].split(","))
        kind = match["kind"]
        applies_to = None
        if kind == "line":
            # a comment alone on its line silences the next non-comment line
            applies_to = number
            if line.strip().startswith("#"):
                applies_to = next(
                    (n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip() and not lines[n - 1].strip().startswith("#")),
                    number,
                )
        found.append(Suppression(kind, rules, number, match.start() + 1, match["reason"] or None, applies_to))
    return tuple(found)


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
