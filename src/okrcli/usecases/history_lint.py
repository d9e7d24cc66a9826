"""The history rules in ``okr lint``: which files git has something to say about, judged once per state.

Only files whose history has a structural change (``repo/history_log.py``) can move a
target or rewrite a check-in; each is judged with its history, and the findings are kept
in the user cache by the file's content and its list of changes, so a run with nothing
changed reads no version from git and parses no file.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from okrcli import __version__
from okrcli.model.diagnostics import Diagnostic
from okrcli.repo.cache import ResultCache
from okrcli.repo.config import Settings
from okrcli.repo.history import Lineage, read_history
from okrcli.rules.runner import HISTORY_RULES, lint_history
from okrcli.usecases.history import NOT_IN_GIT, events_of, wanted_changes
from okrcli.usecases.pipeline import load_file


def _changes_key(lineage: Lineage) -> str:
    text = "|".join(f"{c.sha}:{c.old_blob}:{c.new_blob}:{c.path}" for c in wanted_changes(lineage, False))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def history_findings(repo_dir: Path, settings: Settings, files: list[Path], as_of: date, use_cache: bool = True) -> tuple[list[Diagnostic], str | None]:
    """The history rules' findings on ``files``, and a note when they could not run (outside git)."""
    okr_root = repo_dir / settings.root
    history = read_history(okr_root, use_cache)
    if history is None:
        names = " and ".join(rule.name for rule in HISTORY_RULES)
        return [], f"{names} need git history: {repo_dir} is {NOT_IN_GIT}; they were skipped"
    by_resolved = {path.resolve(): path for path in files}
    context = json.dumps([__version__, sorted(settings.history.ignore_commits), str(okr_root.resolve())])
    cache = ResultCache(repo_dir, context, "history") if use_cache else None
    found: list[Diagnostic] = []
    todo: list[tuple[Lineage, Path, str | None]] = []
    for lineage in history.lineages.values():
        path = by_resolved.get((history.toplevel / lineage.path).resolve())
        if path is None or not wanted_changes(lineage, False):
            continue
        key = None
        if cache is not None:
            digest = cache.digest(str(path))
            key = None if digest is None else digest + _changes_key(lineage)
            entry = cache.get(str(path), key) if key is not None else None
            if entry is not None:
                found += [Diagnostic.from_data(d) for d in entry[0]]
                continue
        todo.append((lineage, path, key))
    if todo:
        events = events_of(history, settings, [lineage for lineage, _, _ in todo])
        for _, path, key in todo:
            loaded = load_file(path, okr_root)
            judged = lint_history([loaded.team_file], events, settings, as_of) if loaded.valid else []
            found += judged
            if cache is not None and key is not None:
                cache.put(str(path), key, [d.to_data() for d in judged], {})
    if cache is not None:
        cache.save()
    return found, None
