"""``okr validate`` and ``okr lint`` at scale: each file processed once, only its summary kept.

Per file (from the cache, else in worker processes on every core): the pipeline's
per-file steps plus, for lint, the file-scope rules. Then, over all summaries: the
cross-file checks and the repository-scope rules. Memory stays flat however many
files there are, because no file's model outlives its processing.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrcli import __version__
from okrcli.model.diagnostics import Diagnostic
from okrcli.repo.cache import ResultCache
from okrcli.repo.config import Settings, find_repository
from okrcli.rules.options import load_settings
from okrcli.repo.discovery import discover
from okrcli.rules.cross_file import cross_file_problems
from okrcli.rules.runner import HISTORY_RULES, Selection, apply_suppressions, lint_repository
from okrcli.rules.summary import FileSummary, SummaryIndex
from okrcli.usecases.history_lint import history_findings
from okrcli.usecases.pipeline import FileOutcome, process_file

PARALLEL_FROM = 64
"""Fewer files than this are processed in-process: a worker pool costs more than it saves."""


@dataclass
class ScanResult:
    diagnostics: list[Diagnostic]
    summaries: list[FileSummary]
    cache_hits: int = 0


def _work(args) -> FileOutcome:
    return process_file(*args)


def _cache_context(settings: Settings, as_of: date, lint: bool, okr_root: Path) -> str:
    # validate does not depend on the date, so its cache survives midnight
    day = as_of.isoformat() if lint else None
    return json.dumps([__version__, settings.model_dump(mode="json"), day, lint, str(okr_root.resolve())], sort_keys=True)


def scan(
    files: list[Path],
    okr_root: Path,
    repo_dir: Path,
    settings: Settings,
    as_of: date,
    lint: bool,
    use_cache: bool = True,
    jobs: int | None = None,
) -> ScanResult:
    """Process ``files`` (cache, then workers), then the cross-file checks and, for lint, the repository rules."""
    kind = "lint" if lint else "validate"
    cache = ResultCache(repo_dir, _cache_context(settings, as_of, lint, okr_root), kind) if use_cache else None
    results: dict[str, tuple[list[Diagnostic], FileSummary]] = {}
    todo: list[str] = []
    for file in files:
        key = str(file)
        digest = cache.digest(key) if cache is not None else None
        entry = cache.get(key, digest) if digest is not None else None
        found = _from_cache(entry) if entry is not None else None
        if found is None:
            todo.append(key)
        else:
            results[key] = found
    hits = len(results)
    outcomes = _process_all([(key, str(okr_root), settings, as_of, lint) for key in todo], jobs)
    for key, outcome in zip(todo, outcomes):
        results[key] = ([Diagnostic.from_data(d) for d in outcome.diagnostics], FileSummary.from_data(outcome.summary))
        if cache is not None:
            cache.put(key, outcome.digest, outcome.diagnostics, outcome.summary)
            cache.remember(key, outcome.signature, outcome.digest)
    if cache is not None:
        cache.save()

    diagnostics: list[Diagnostic] = []
    summaries: list[FileSummary] = []
    for file in files:
        found, summary = results[str(file)]
        diagnostics.extend(found)
        summaries.append(summary)
    diagnostics.extend(cross_file_problems(summaries))
    if lint:
        diagnostics.extend(lint_repository(SummaryIndex(summaries), settings, as_of))
    return ScanResult(diagnostics, summaries, hits)


def _from_cache(entry: list) -> tuple[list[Diagnostic], FileSummary] | None:
    """A cached entry as values, or None when it has the wrong shape (a foreign or damaged cache)."""
    try:
        return [Diagnostic.from_data(d) for d in entry[0]], FileSummary.from_data(entry[1])
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None


def _process_all(arguments: list[tuple], jobs: int | None) -> list[FileOutcome]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(arguments) < PARALLEL_FROM:
        return [_work(a) for a in arguments]
    import multiprocessing

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_work, arguments, chunksize=max(8, len(arguments) // (workers * 8))))


def _within(path: Path, wanted: list[Path]) -> bool:
    resolved = Path(os.path.realpath(path))  # never raises on a loop of links
    return any(resolved == w or w in resolved.parents for w in wanted)


def diagnose(
    start: Path,
    paths: list[Path] | None,
    as_of: date,
    lint: bool,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    notes: list[str] | None = None,
) -> tuple[list[Diagnostic], int]:
    """``okr validate`` (lint=False) and ``okr lint``: the diagnostics to report and how many files they cover.

    The whole repository is always processed (references and history resolve across
    it); ``paths`` only limits what is reported. ``notes`` collects what the user should
    know that is not a finding (the history rules skipped outside git).
    """
    repo_dir = find_repository(start)
    settings = load_settings(repo_dir)
    selection = Selection(settings, select, ignore) if lint else None
    okr_root = repo_dir / settings.root
    files = discover(okr_root)
    known = {os.path.realpath(f) for f in files}
    for path in paths or []:
        extra = discover(path) if path.is_dir() else [path]
        files.extend(f for f in extra if os.path.realpath(f) not in known)
    result = scan(files, okr_root, repo_dir, settings, as_of, lint, use_cache, jobs)
    diagnostics = result.diagnostics
    if selection is not None and any(selection.wants(rule.name) for rule in HISTORY_RULES):
        found, note = history_findings(repo_dir, settings, files, as_of, use_cache)
        diagnostics = diagnostics + found
        if note and notes is not None:
            notes.append(note)
    covered = len(files)
    wanted = [p.resolve() for p in paths or []]
    if wanted:
        diagnostics = [d for d in diagnostics if d.file is None or _within(d.file, wanted)]
        covered = sum(1 for f in files if _within(f, wanted))
    if selection is not None:
        diagnostics = selection.apply(diagnostics)
        suppressions = {s.file: s.suppressions for s in result.summaries if s.valid and s.suppressions}
        if wanted:
            suppressions = {p: v for p, v in suppressions.items() if _within(p, wanted)}
        diagnostics = apply_suppressions(diagnostics, suppressions, selection.wants("unused-suppression"), selection)
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, covered
