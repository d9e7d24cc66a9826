"""Locks that serialise okr's own writers (check-in, draft) across processes.

One lock per OKR file, and one per repository for git commits. The lock files live in
the system's temporary folder, outside the repository, so git never sees them.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from filelock import FileLock

LOCK_TIMEOUT = 60
"""Seconds to wait for another okr process before giving up."""


def lock_path(path: Path) -> Path:
    """The lock file for ``path`` (an OKR file, or a repository folder for its commits)."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
    folder = Path(tempfile.gettempdir()) / "okr-locks"
    folder.mkdir(exist_ok=True)
    return folder / f"{digest}.lock"


def locked(path: Path) -> FileLock:
    """A lock on ``path``, to be held with ``with``, waiting up to LOCK_TIMEOUT seconds."""
    return FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
