"""discover -> parse -> validate -> check: a Repository plus diagnostics.

Never raises on bad data: a file that fails is left out of the repository
(recorded in ``Repository.broken``) and its problems come back as
diagnostics, so one broken file never hides the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from okrcli.rules import cross_file as checks
from okrcli.repo.config import Settings, find_repository, load_settings
from okrcli.model.diagnostics import Diagnostic, error
from okrcli.model.okrfile import OkrFile
from okrcli.repo.repository import Repository, Suppression, TeamFile
from okrcli.repo.schema_errors import to_diagnostics
from okrcli.yamlio.reader import decode_text, parse_yaml

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    repository: Repository
    diagnostics: list[Diagnostic] = field(default_factory=list)


def discover(okr_root: Path) -> list[Path]:
    """Every YAML file under the OKR root, in a stable order; hidden folders are skipped."""
    if not okr_root.is_dir():
        return []
    found = [
        path
        for path in okr_root.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(okr_root).parts)
    ]
    return sorted(found)


@dataclass
class FileResult:
    path: Path
    team_file: TeamFile | None
    diagnostics: list[Diagnostic]
    declared: tuple[str | None, str | None] = (None, None)


def load_file(path: Path, okr_root: Path | None = None, raw: bytes | None = None, positions: bool = True) -> FileResult:
    """Load one OKR file: parse, validate against the model and run the single-file checks.

    With ``positions=False`` no source map is kept (faster, smaller) unless the file has
    problems, in which case it is parsed again with positions so that every diagnostic
    is located.
    """
    if not positions:
        if raw is None:
            try:
                raw = path.read_bytes()
            except OSError:
                return load_file(path, okr_root, raw, True)
        result = _load(path, okr_root, raw, False)
        if result.diagnostics:
            return load_file(path, okr_root, raw, True)
        return result
    return _load(path, okr_root, raw, True)


def _load(path: Path, okr_root: Path | None, raw: bytes | None, positions: bool) -> FileResult:
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return FileResult(path, None, [error("unreadable-file", f"cannot read the file: {exc.strerror}", path)])
    text, diagnostics = decode_text(raw, path)
    if text is None:
        return FileResult(path, None, diagnostics)
    document, diagnostics = parse_yaml(text, path, positions)
    if document is None:
        return FileResult(path, None, diagnostics)
    data = document.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return FileResult(
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
        return FileResult(path, None, diagnostics + found, declared)
    if diagnostics:  # the reader found problems (duplicate keys, bad dates) pydantic cannot see
        return FileResult(path, None, diagnostics, declared)
    team_file = TeamFile(path, okr, document.source_map, find_suppressions(text) if "okr:" in text else ())
    found = checks.check_file(team_file, okr_root)
    return FileResult(path, team_file, found, declared)


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


def declared_or_guessed(declared: tuple, path: Path, okr_root: Path) -> tuple:
    """What a broken file declares; for an unparseable one, what its path says (okrs/<period>/<team>.yaml)."""
    period, team = declared
    try:
        parts = path.resolve().relative_to(okr_root.resolve()).parts
    except ValueError:
        parts = ()
    if len(parts) == 2:
        period = period or parts[0]
        team = team or Path(parts[1]).stem
    return (period, team)


def load_repository(
    repo_dir: Path, settings: Settings | None = None, files: list[Path] | None = None, on_file=None
) -> LoadResult:
    """Load every OKR file of the repository at ``repo_dir`` (or just ``files``).

    ``on_file`` is called after each file (for a progress indicator).
    """
    settings = settings or load_settings(repo_dir)
    okr_root = repo_dir / settings.root
    paths = files if files is not None else discover(okr_root)
    repository = Repository(repo_dir, settings)
    diagnostics: list[Diagnostic] = []
    for path in paths:
        result = load_file(path, okr_root)
        diagnostics.extend(result.diagnostics)
        if result.team_file is not None and not any(d.severity.value == "error" for d in result.diagnostics):
            repository.files.append(result.team_file)
        else:
            repository.broken[path] = declared_or_guessed(result.declared, path, okr_root)
        if on_file is not None:
            on_file()
    diagnostics.extend(checks.check_repository(repository))
    diagnostics.sort(key=Diagnostic.sort_key)
    return LoadResult(repository, diagnostics)


def open_repository(start: Path, files: list[Path] | None = None) -> LoadResult:
    """Find the repository at or above ``start`` and load it."""
    repo_dir = find_repository(start)
    return load_repository(repo_dir, load_settings(repo_dir), files)


def load_periods(repo_dir: Path, settings: Settings, wanted: list[str]) -> LoadResult | None:
    """Load only the files under ``okrs/<period>/`` for the ``wanted`` periods, without source maps.

    Returns None when the repository does not use period folders (then the caller
    loads everything).  The returned repository knows every period folder's name,
    so "the previous period" still works.
    """
    from okrcli.model.periods import is_period_name

    okr_root = repo_dir / settings.root
    if not okr_root.is_dir():
        return None
    folders = sorted(p.name for p in okr_root.iterdir() if p.is_dir() and is_period_name(p.name))
    loose = [p for p in okr_root.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES]
    if not folders or loose:
        return None
    repository = Repository(repo_dir, settings, known_periods=set(folders))
    diagnostics: list[Diagnostic] = []
    for name in wanted:
        if name not in folders:
            continue
        for path in discover(okr_root / name):
            result = load_file(path, okr_root, positions=False)
            diagnostics.extend(result.diagnostics)
            if result.team_file is not None and not any(d.severity.value == "error" for d in result.diagnostics):
                repository.files.append(result.team_file)
            else:
                repository.broken[path] = declared_or_guessed(result.declared, path, okr_root)
    diagnostics.sort(key=Diagnostic.sort_key)
    return LoadResult(repository, diagnostics)
