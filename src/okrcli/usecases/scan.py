"""validate and lint at scale: each file is processed completely and only a summary is kept.

Per file (in parallel on all cores, or from the cache): parse, validate, the
single-file checks and the file-scope lint rules, giving located diagnostics
and a :class:`~okrcli.rules.summary.FileSummary`.  Then, over all summaries: the
cross-file checks (duplicate teams, alignment) and repository-scope rules.
Memory stays flat however many files there are, because no file's model is
kept after it has been processed.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrcli import __version__
from okrcli.repo.config import Settings
from okrcli.model.diagnostics import Diagnostic, Severity
from okrcli.model.location import Span
from okrcli.rules.summary import FileSummary, broken, summarize

PARALLEL_FROM = 64
"""Fewer files than this are processed in-process: a worker pool costs more than it saves."""


@dataclass
class ScanResult:
    diagnostics: list[Diagnostic]
    summaries: list[FileSummary]
    cache_hits: int = 0


def _diag_to_data(d: Diagnostic) -> list:
    s = d.span
    return [d.rule, d.severity.value, d.message, str(d.file) if d.file else None, s.line, s.column, s.end_line, s.end_column, d.hint]


def _diag_from_data(data: list) -> Diagnostic:
    rule, severity, message, file, line, column, end_line, end_column, hint = data
    return Diagnostic(rule, Severity(severity), message, Path(file) if file else None, Span(line, column, end_line, end_column), hint)


def process_file(path: str, okr_root: str, settings: Settings, as_of: date, lint: bool, raw: bytes | None = None) -> tuple:
    """Everything about one file that does not need the others: (content hash, stat signature, diagnostics, summary).

    The signature is taken *before* reading, so an edit made while the file is
    processed changes the signature and the cache entry is never trusted for it.
    """
    from okrcli.repo.loader import load_file

    file = Path(path)
    try:
        st = os.stat(path)
        signature = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    except OSError:
        signature = None
    if raw is None:
        try:
            raw = file.read_bytes()
        except OSError:
            raw = None
    digest = hashlib.blake2b(raw or b"", digest_size=16).hexdigest()
    result = load_file(file, Path(okr_root), raw)
    diagnostics = list(result.diagnostics)
    if result.team_file is not None and not any(d.severity is Severity.ERROR for d in diagnostics):
        scores = None
        if lint:
            from okrcli.rules.runner import lint_file

            diagnostics += lint_file(result.team_file, settings, as_of)
            scores = [o.score for o in _objective_scores(result.team_file, settings, as_of)]
        summary = summarize(result.team_file, scores)
    else:
        from okrcli.repo.loader import declared_or_guessed

        summary = broken(file, declared_or_guessed(result.declared, file, Path(okr_root)))
    return digest, signature, [_diag_to_data(d) for d in diagnostics], summary.to_data()


def _objective_scores(team_file, settings, as_of):
    from okrcli.scoring.scores import score_objective

    return [score_objective(o, team_file, as_of, settings) for o in team_file.okr.objectives]


def _work(args) -> tuple:
    return process_file(*args)


class Cache:
    """Per-file results keyed by the file's content and everything else they depend on.

    One JSON file per repository in the user cache folder.  A missing, corrupt or
    foreign cache is ignored (and rewritten); entries are only ever used when their
    key (content hash, okr version, settings, as-of, path) matches exactly.
    """

    FORMAT = 1

    def __init__(self, repo_dir: Path, context: str, kind: str = "lint"):
        base = os.environ.get("OKR_CACHE_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "okrcli"
        )
        name = hashlib.blake2b(str(repo_dir.resolve()).encode(), digest_size=8).hexdigest()
        # one file per kind, so `okr validate` and `okr lint` never evict each other's entries
        self.path = Path(base) / f"scan-{name}-{kind}.json"
        self.context = context
        self.entries: dict[str, list] = {}
        self.fresh: dict[str, list] = {}
        self.stats: dict[str, list] = {}
        self.fresh_stats: dict[str, list] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == self.FORMAT and data.get("okr") == __version__ and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
                stats = data.get("stats")
                self.stats = stats if isinstance(stats, dict) else {}
        except (OSError, ValueError, UnicodeDecodeError):
            self.entries, self.stats = {}, {}

    def digest(self, path: str) -> str | None:
        """The content hash of ``path``: from the cache when size, mtime, ctime and inode all match
        (as git's index does), otherwise by reading and hashing the file."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        signature = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        known = self.stats.get(path)
        if isinstance(known, list) and len(known) == 5 and known[:4] == signature and isinstance(known[4], str):
            digest = known[4]
        else:
            try:
                with open(path, "rb") as handle:
                    digest = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
            except OSError:
                return None
        self.fresh_stats[path] = signature + [digest]
        return digest

    def remember(self, path: str, signature: list | None, digest: str) -> None:
        if signature is None:
            self.fresh_stats.pop(path, None)
        else:
            self.fresh_stats[path] = list(signature) + [digest]

    def key(self, path: str, digest: str) -> str:
        return hashlib.blake2b(f"{self.context}\0{path}\0{digest}".encode(), digest_size=16).hexdigest()

    def get(self, path: str, digest: str):
        entry = self.entries.get(self.key(path, digest))
        if isinstance(entry, list) and len(entry) == 2:
            self.fresh[self.key(path, digest)] = entry
            return entry
        return None

    def put(self, path: str, digest: str, diagnostics: list, summary: dict) -> None:
        self.fresh[self.key(path, digest)] = [diagnostics, summary]

    def save(self) -> None:
        from okrcli.yamlio.writer import write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"format": self.FORMAT, "okr": __version__, "entries": self.fresh, "stats": self.fresh_stats}))
        except OSError:
            pass  # a cache that cannot be written is not an error


def _context(settings: Settings, as_of: date, lint: bool, okr_root: Path) -> str:
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
    """Process ``files`` (cache, then workers), then the cross-file checks and rules."""
    from okrcli.rules.cross_file import check_summaries

    cache = Cache(repo_dir, _context(settings, as_of, lint, okr_root), "lint" if lint else "validate") if use_cache else None
    results: dict[str, tuple[list, dict]] = {}
    todo: list[str] = []
    hits = 0
    for file in files:
        key = str(file)
        if cache is not None:
            digest = cache.digest(key)
            if digest is None:
                todo.append(key)
                continue
            entry = cache.get(key, digest)
            if entry is not None:
                results[key] = (entry[0], entry[1])
                hits += 1
                continue
        todo.append(key)
    workers = jobs or os.cpu_count() or 1
    arguments = [(key, str(okr_root), settings, as_of, lint) for key in todo]
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        import multiprocessing

        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            outputs = list(pool.map(_work, arguments, chunksize=max(8, len(todo) // (workers * 8))))
    else:
        outputs = [_work(a) for a in arguments]
    for key, (digest, signature, diagnostics, summary) in zip(todo, outputs):
        results[key] = (diagnostics, summary)
        if cache is not None:
            cache.put(key, digest, diagnostics, summary)
            cache.remember(key, signature, digest)
    if cache is not None:
        cache.save()

    diagnostics: list[Diagnostic] = []
    summaries: list[FileSummary] = []
    for file in files:
        data, summary = results[str(file)]
        diagnostics.extend(_diag_from_data(d) for d in data)
        summaries.append(FileSummary.from_data(summary))
    diagnostics.extend(check_summaries(summaries))
    if lint:
        from okrcli.rules.runner import lint_repository
        from okrcli.rules.summary import SummaryIndex

        diagnostics.extend(lint_repository(SummaryIndex(summaries), settings, as_of))
    return ScanResult(diagnostics, summaries, hits)


def _within(path: Path, wanted: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == w or w in resolved.parents for w in wanted)


def check(
    start: Path,
    paths: list[Path] | None,
    as_of: date,
    lint: bool,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
) -> tuple[list[Diagnostic], int]:
    """``okr validate`` (lint=False) and ``okr lint``: the diagnostics to report and how many files they cover.

    The whole repository is always processed (references and history resolve
    across it); ``paths`` only limits what is reported.
    """
    from okrcli.repo.config import find_repository, load_settings
    from okrcli.model.diagnostics import Diagnostic
    from okrcli.rules.runner import Selection, apply_suppressions
    from okrcli.repo.loader import discover

    repo_dir = find_repository(start)
    settings = load_settings(repo_dir)
    selection = Selection(settings, select, ignore) if lint else None
    okr_root = repo_dir / settings.root
    files = discover(okr_root)
    known = {f.resolve() for f in files}
    for path in paths or []:
        extra = discover(path) if path.is_dir() else [path]
        files.extend(f for f in extra if f.resolve() not in known)
    result = scan(files, okr_root, repo_dir, settings, as_of, lint, use_cache, jobs)
    diagnostics = result.diagnostics
    covered = len(files)
    if paths:
        wanted = [p.resolve() for p in paths]
        diagnostics = [d for d in diagnostics if d.file is None or _within(d.file, wanted)]
        covered = sum(1 for f in files if _within(f, wanted))
    if selection is not None:
        diagnostics = selection.apply(diagnostics)
        suppressions = {s.file: s.suppressions for s in result.summaries if s.valid and s.suppressions}
        if paths:
            suppressions = {p: v for p, v in suppressions.items() if _within(p, [w.resolve() for w in paths])}
        diagnostics = apply_suppressions(diagnostics, suppressions, selection.wants("unused-suppression"))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, covered
