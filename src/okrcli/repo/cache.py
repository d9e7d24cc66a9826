"""The result cache of ``okr validate`` and ``okr lint``: each file's (diagnostics, summary), by content.

A key is the file's content hash plus everything else the result depends on (okr's
version, the settings, the as-of date for lint, the OKR root). Like git's index, the
stored hash is reused while size, mtime, ctime and inode all match. JSON, not pickle,
so a tampered cache cannot run code; a missing, corrupt or foreign one is ignored and
rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from okrcli import __version__
from okrcli.model.errors import WriteError
from okrcli.yamlio.writer import write_atomic


def file_signature(path: str) -> list[int] | None:
    """What must stay the same for a stored content hash to be trusted (None: cannot stat)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def cache_folder() -> Path:
    """``$OKR_CACHE_DIR``, else ``$XDG_CACHE_HOME/okrcli``, else ``~/.cache/okrcli``."""
    base = os.environ.get("OKR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "okrcli"
    )
    return Path(base)


class ResultCache:
    """Per-file results keyed by the file's content and everything else they depend on.

    One JSON file per repository in the user cache folder.  A missing, corrupt or
    foreign cache is ignored (and rewritten); entries are only ever used when their
    key (content hash, okr version, settings, as-of, path) matches exactly.
    """

    FORMAT = 1

    def __init__(self, repo_dir: Path, context: str, kind: str = "lint"):
        name = hashlib.blake2b(os.fsencode(repo_dir.resolve()), digest_size=8).hexdigest()
        # one file per kind, so `okr validate` and `okr lint` never evict each other's entries
        self.path = cache_folder() / f"scan-{name}-{kind}.json"
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
        signature = file_signature(path)
        if signature is None:
            return None
        known = self.stats.get(path)
        if isinstance(known, list) and len(known) == 5 and known[:4] == signature and isinstance(known[4], str):
            digest = known[4]
        else:
            try:
                with open(path, "rb") as handle:
                    digest = content_hash(handle.read())
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
        # paths come from the file system and may carry undecodable bytes as surrogate escapes
        return hashlib.blake2b(f"{self.context}\0{path}\0{digest}".encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()

    def get(self, path: str, digest: str):
        entry = self.entries.get(self.key(path, digest))
        if isinstance(entry, list) and len(entry) == 2:
            self.fresh[self.key(path, digest)] = entry
            return entry
        return None

    def put(self, path: str, digest: str, diagnostics: list, summary: dict) -> None:
        self.fresh[self.key(path, digest)] = [diagnostics, summary]

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"format": self.FORMAT, "okr": __version__, "entries": self.fresh, "stats": self.fresh_stats}))
        except (OSError, WriteError):
            pass  # a cache that cannot be written is not an error
