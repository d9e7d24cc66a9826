"""The OKR root's history from git, read in one pass and cached by commit.

One ``git log --raw`` over the OKR root lists every commit's added, changed, renamed
(``-M``: a file moved between folders keeps its history) and deleted files; one
``git log -p -U0`` over the same root gives the changed lines of the modified files, which
is enough to tell a change that only adds lines (a new check-in) from one that removes or
rewrites some (a moved target, a rewritten check-in): only those need their versions
parsed. Versions are read with one ``git cat-file --batch``. The result is kept in the
user cache folder by HEAD commit; a later HEAD reads only the commits since.

Outside git, :func:`read_history` returns None. Git runs as a subprocess here (the
commit path uses GitPython in ``repo/git.py``): a streamed log and a batch reader need
no more than that.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from okrcli import __version__
from okrcli.model.errors import WriteError
from okrcli.repo.cache import cache_folder, content_hash
from okrcli.repo.discovery import YAML_SUFFIXES
from okrcli.repo.history_log import RawChange, log_changes, status_changes
from okrcli.yamlio.writer import write_atomic


@dataclass
class Lineage:
    """One file's life: its changes oldest first, across renames; ``path`` is where it is now."""

    path: str
    changes: list[RawChange] = field(default_factory=list)


@dataclass
class GitHistory:
    """Every OKR file alive at HEAD (and in the working tree) with its changes; blobs on demand."""

    toplevel: Path
    head: str | None
    lineages: dict[str, Lineage]
    """By path relative to ``toplevel``."""

    def lineage_of(self, path: Path) -> Lineage | None:
        """The history of the file at ``path`` (a path on disk); None when git does not know it."""
        try:
            relative = path.resolve().relative_to(self.toplevel).as_posix()
        except ValueError:
            return None
        return self.lineages.get(relative)

    def read(self, blobs: list[str]) -> dict[str, bytes]:
        """The contents of ``blobs`` (ids), read with one ``git cat-file --batch``."""
        wanted = sorted(set(blobs))
        if not wanted:
            return {}
        try:
            done = subprocess.run(
                ["git", "cat-file", "--batch"], cwd=self.toplevel, input=("\n".join(wanted) + "\n").encode(),
                capture_output=True, check=False,
            )
        except OSError:
            return {}
        found: dict[str, bytes] = {}
        data, at = done.stdout, 0
        for sha in wanted:
            end = data.index(b"\n", at)
            header = data[at:end].split()
            at = end + 1
            if len(header) < 3 or header[1] == b"missing":
                continue
            size = int(header[2])
            found[sha] = data[at : at + size]
            at += size + 1
        return found


def _git(cwd: Path, *args: str) -> str | None:
    """git's output, or None when git fails or is not installed (then there is no history to read)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        return None
    # paths in git's output are bytes in the file system's encoding, not necessarily UTF-8
    return os.fsdecode(done.stdout).strip() if done.returncode == 0 else None


def read_history(okr_root: Path, use_cache: bool = True) -> GitHistory | None:
    """The history of every OKR file under ``okr_root``; None outside a git work tree."""
    if not okr_root.is_dir():
        return None
    toplevel = _git(okr_root, "rev-parse", "--show-toplevel")
    if toplevel is None:
        return None
    top = Path(toplevel).resolve()
    pathspec = okr_root.resolve().relative_to(top).as_posix() or "."
    head = _git(top, "rev-parse", "--verify", "-q", "HEAD")
    lineages = _committed(top, pathspec, head, use_cache)
    _add_working_tree(top, pathspec, lineages)
    return GitHistory(top, head, lineages)


def _is_okr_file(path: str) -> bool:
    return path.lower().endswith(YAML_SUFFIXES) and not any(part.startswith(".") for part in path.split("/"))


def _apply(lineages: dict[str, Lineage], changes: list[RawChange]) -> None:
    """Follow ``changes`` (oldest first) through adds, renames and deletes."""
    for change in changes:
        if change.status == "D":
            lineages.pop(change.old_path, None)
            continue
        if not _is_okr_file(change.path):
            lineages.pop(change.old_path or change.path, None)
            continue
        if change.status == "A":
            lineages[change.path] = Lineage(change.path, [change])
        elif change.status == "R":
            lineage = lineages.pop(change.old_path, None) or Lineage(change.path)
            lineage.path = change.path
            lineage.changes.append(change)
            lineages[change.path] = lineage
        else:
            lineages.setdefault(change.path, Lineage(change.path)).changes.append(change)


def _committed(top: Path, pathspec: str, head: str | None, use_cache: bool) -> dict[str, Lineage]:
    if head is None:
        return {}
    cache = HistoryCache(top, pathspec) if use_cache else None
    cached = cache.load() if cache is not None else None
    if cached is not None and cached[0] == head:
        return cached[1]
    since = None
    lineages: dict[str, Lineage] = {}
    if cached is not None and _git(top, "merge-base", "--is-ancestor", cached[0], head) is not None:
        since, lineages = cached
    _apply(lineages, log_changes(top, pathspec, since))
    if cache is not None:
        cache.save(head, lineages)
    return lineages


def _add_working_tree(top: Path, pathspec: str, lineages: dict[str, Lineage]) -> None:
    """Uncommitted changes: a changed, new, renamed or deleted file in the working tree."""
    changes = [c for c in status_changes(top, pathspec) if c.status == "D" or _is_okr_file(c.path)]
    for change in changes:
        known = lineages.get(change.old_path or "")
        if change.status in "MR" and known is not None and known.changes:
            change.old_blob = known.changes[-1].new_blob
    _apply(lineages, changes)


class HistoryCache:
    """The lineages at one HEAD, as JSON in the user cache folder (one file per root)."""

    FORMAT = 1

    def __init__(self, top: Path, pathspec: str):
        name = content_hash(f"{top}\0{pathspec}".encode())[:16]
        self.path = cache_folder() / f"history-{name}.json"
        self.key = [self.FORMAT, __version__, str(top), pathspec]

    def load(self) -> tuple[str, dict[str, Lineage]] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("key") != self.key:
                return None
            lineages = {
                path: Lineage(path, [RawChange(**change) for change in changes])
                for path, changes in data["lineages"].items()
            }
            return data["head"], lineages
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save(self, head: str, lineages: dict[str, Lineage]) -> None:
        data = {"key": self.key, "head": head, "lineages": {p: [asdict(c) for c in l.changes] for p, l in lineages.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, separators=(",", ":")))
        except (OSError, WriteError):
            pass  # a cache that cannot be written is not an error
