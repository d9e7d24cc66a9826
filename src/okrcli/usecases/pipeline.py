"""The one load pipeline: every command gets its files through here.

Per file: read (bytes -> located YAML -> validated model), then the multi-field format
checks, giving located diagnostics and a :class:`~okrcli.rules.summary.FileSummary`.
The format checks and the summary read the parsed YAML's well-formed parts whether or
not the model validated, so one run reports every problem that does not depend on
another (a typo in one objective, a duplicate id in another, an unknown alignment in a
third file), never one round at a time.
Across files: the cross-file checks, on summaries only. ``okr validate`` and ``okr lint``
(``usecases/diagnose.py``) run the same steps per file in worker processes and keep only
the summaries; score, report, check-in and draft keep the models too.

Never raises on bad data: a file that fails is left out of the repository (recorded in
``Repository.broken`` with the team and period it seems to declare, so references into
it do not produce a second, misleading error) and its problems come back as diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from okrcli.model.diagnostics import Diagnostic, error, has_errors
from okrcli.repo.cache import content_hash, file_signature
from okrcli.repo.config import Settings
from okrcli.rules.options import load_settings
from okrcli.repo.discovery import declared_or_guessed, discover, period_folders
from okrcli.repo.reading import read_team_file
from okrcli.repo.repository import Repository, TeamFile
from okrcli.rules.cross_file import cross_file_problems
from okrcli.rules.format import file_problems
from okrcli.rules.summary import FileSummary, broken, summarize, summarize_parts
from okrcli.yamlio.reader import ParsedDocument


@dataclass
class LoadedFile:
    """One file after the per-file steps.

    ``team_file`` is the model when the file validated (the format checks may still
    have found errors in it: see :attr:`valid`); ``declared`` is the (period, team)
    the file declares, for the bookkeeping of broken files; ``document`` the parsed
    YAML when it is a mapping, for the summary of a file whose model failed.
    """

    path: Path
    team_file: TeamFile | None
    diagnostics: list[Diagnostic]
    declared: tuple[str | None, str | None] = (None, None)
    document: ParsedDocument | None = None

    @property
    def valid(self) -> bool:
        return self.team_file is not None and not has_errors(self.diagnostics)

    def summary(self, okr_root: Path, scores: list[float] | None = None) -> FileSummary:
        """What the cross-file checks need: all of a file whose model validated, the
        well-formed parts of one that did not, what it seems to declare of an unreadable one."""
        declared = declared_or_guessed(self.declared, self.path, okr_root)
        if self.team_file is not None:
            return summarize(self.team_file, scores, self.valid)
        if self.document is not None and isinstance(self.document.data, dict):
            return summarize_parts(self.path, self.document.data, self.document.source_map, declared)
        return broken(self.path, declared)


def load_file(
    path: Path, okr_root: Path | None = None, raw: bytes | None = None, positions: bool = True, sources: frozenset[str] | None = None
) -> LoadedFile:
    """Read one file and run its format checks (with ``sources``, the names okr.toml defines, also ``unknown-source``).

    With ``positions=False`` no source map is kept (faster, smaller) unless the file has
    problems, in which case it is read again with positions so that every diagnostic is
    located.
    """
    if not positions:
        if raw is None:
            try:
                raw = path.read_bytes()
            except OSError:
                return load_file(path, okr_root, None, True, sources)
        loaded = _load(path, okr_root, raw, False, sources)
        return load_file(path, okr_root, raw, True, sources) if loaded.diagnostics else loaded
    return _load(path, okr_root, raw, True, sources)


def _load(path: Path, okr_root: Path | None, raw: bytes | None, positions: bool, sources: frozenset[str] | None = None) -> LoadedFile:
    read = read_team_file(path, raw, positions)
    problems = file_problems(read, okr_root, sources)
    return LoadedFile(path, read.team_file, read.diagnostics + problems, read.declared, read.document)


@dataclass
class FileOutcome:
    """What ``okr validate`` and ``okr lint`` keep of one file, as plain data (cacheable, picklable)."""

    digest: str
    """The content hash of the bytes that were checked."""
    signature: list[int] | None
    """The file's stat signature taken *before* reading (see ``repo/cache.py``)."""
    diagnostics: list[list]
    summary: dict


def process_file(path: str, okr_root: str, settings: Settings, as_of: date, lint: bool, raw: bytes | None = None) -> FileOutcome:
    """Everything about one file that does not need the others.

    The signature is taken before reading, so an edit made while the file is processed
    changes the signature and the cache entry is never trusted for it.
    """
    file = Path(path)
    signature = file_signature(path)
    if raw is None:
        try:
            raw = file.read_bytes()
        except OSError:
            raw = None
    loaded = load_file(file, Path(okr_root), raw, sources=frozenset(settings.sources))
    diagnostics = list(loaded.diagnostics)
    scores = None
    if loaded.valid and lint:
        from okrcli.rules.runner import lint_file
        from okrcli.scoring.scores import score_objective

        diagnostics += lint_file(loaded.team_file, settings, as_of)
        scores = [score_objective(o, loaded.team_file, as_of, settings).score for o in loaded.team_file.okr.objectives]
    summary = loaded.summary(Path(okr_root), scores)
    return FileOutcome(content_hash(raw or b""), signature, [d.to_data() for d in diagnostics], summary.to_data())


@dataclass
class LoadedRepository:
    repository: Repository
    diagnostics: list[Diagnostic]


def load_repository(
    repo_dir: Path,
    settings: Settings | None = None,
    files: list[Path] | None = None,
    on_file: Callable[[], None] | None = None,
    positions: bool = True,
    cross_file: bool = True,
    known_periods: set[str] | None = None,
) -> LoadedRepository:
    """Load the repository at ``repo_dir`` (every file under its root, or just ``files``), keeping the models.

    ``on_file`` is called after each file (for a progress indicator). ``cross_file=False``
    skips the checks across files, for a partial load where they would see only part of
    the repository.
    """
    settings = settings or load_settings(repo_dir)
    okr_root = repo_dir / settings.root
    paths = files if files is not None else discover(okr_root)
    repository = Repository(repo_dir, settings, known_periods=set(known_periods or ()))
    diagnostics: list[Diagnostic] = []
    summaries: list[FileSummary] = []
    first_file: dict[tuple[str, str], Path] = {}
    for path in paths:
        loaded = load_file(path, okr_root, positions=positions, sources=frozenset(settings.sources))
        diagnostics.extend(loaded.diagnostics)
        key = (loaded.team_file.okr.period, loaded.team_file.team) if loaded.valid else None
        if key is not None and key in first_file:
            # a second file for one team and period (the duplicate-team error): scores count one,
            # the one named for the team (where `okr checkin` writes) if either is, and the other
            # is left out like any file with errors, so no team counts twice
            kept, extra = first_file[key], path
            if path.stem == key[1] != kept.stem:
                kept, extra = path, kept
                repository.files = [f for f in repository.files if f.path != extra]
                repository.files.append(loaded.team_file)
                first_file[key] = path
            repository.broken[extra] = key
            if not cross_file:  # the cross-file checks below report it otherwise
                diagnostics.append(error(
                    "duplicate-team", f"team '{key[1]}' already has a file for {key[0]}: {kept.name}", extra,
                    hint="keep one file per team and period; merge the two",
                ))
        elif loaded.valid:
            first_file[key] = path
            repository.files.append(loaded.team_file)
        else:
            repository.broken[path] = declared_or_guessed(loaded.declared, path, okr_root)
        if cross_file:
            summaries.append(loaded.summary(okr_root))
        if on_file is not None:
            on_file()
    if cross_file:
        diagnostics.extend(cross_file_problems(summaries))
    diagnostics.sort(key=Diagnostic.sort_key)
    return LoadedRepository(repository, diagnostics)


def load_periods(repo_dir: Path, settings: Settings, wanted: list[str]) -> LoadedRepository | None:
    """Load only the files under ``<root>/<period>/`` for the ``wanted`` periods, without source maps.

    Returns None when the repository does not use period folders (then the caller loads
    everything). The repository knows every period folder's name, so "the previous
    period" still works.
    """
    okr_root = repo_dir / settings.root
    folders = period_folders(okr_root)
    if folders is None:
        return None
    files = [path for name in wanted if name in folders for path in discover(okr_root / name)]
    return load_repository(repo_dir, settings, files, positions=False, cross_file=False, known_periods=set(folders))
