"""Locks that serialise okr's own writers (check-in, draft) across processes.

One lock per OKR file, and one per repository for git commits. Each user's lock files live
in a folder of their own, outside the repository so git never sees them: ``locks`` in the
user's cache folder (``$OKR_CACHE_DIR``, else ``$XDG_CACHE_HOME/okrcli``, else
``~/.cache/okrcli``), the same for every session of the user (a cron job and a terminal
wait for each other). Where that folder cannot be made (a read-only home), a private
``okr-locks-<uid>`` in the system's temporary folder is used instead, and only if this user
owns it and nobody else may write it. A folder shared by all users, as okr once used, would
belong to whoever made it first and stop everyone else.

Every failure to make or take a lock is a :class:`LockError` (exit 2): nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from okrcli.model.errors import OkrError
from okrcli.repo.cache import cache_folder

LOCK_TIMEOUT = 60
"""Seconds to wait for another okr process before giving up."""


class LockError(OkrError):
    """A lock could not be made or taken; nothing was written (exit 2)."""

    exit_code = 2


def user_id() -> str:
    """The user's id as lock folders are named: the uid, or the login name where there is none."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass

    return getpass.getuser()


def lock_folder() -> Path:
    """This user's folder for lock files, made (mode 0700) when missing; LockError when none can be."""
    preferred = cache_folder() / "locks"
    try:
        preferred.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.access(preferred, os.W_OK | os.X_OK):
            return preferred
        problem = "cannot write in it"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    fallback = Path(tempfile.gettempdir()) / f"okr-locks-{user_id()}"
    try:
        fallback.mkdir(mode=0o700, exist_ok=True)
        refused = _not_private(fallback)
    except OSError as exc:
        refused = exc.strerror or str(exc)
    if refused is None:
        return fallback
    raise LockError(
        f"cannot make a folder for okr's lock files: {preferred}: {problem}; {fallback}: {refused}",
        hint="set OKR_CACHE_DIR to a folder you can write (okr keeps its cache and lock files there)",
    )


def _not_private(folder: Path) -> str | None:
    """Why ``folder`` may not hold this user's locks (None: it may): it must be a real folder,
    not a link, owned by this user, that nobody else may write."""
    st = folder.lstat()
    if not stat.S_ISDIR(st.st_mode):
        return "it exists and is not a folder"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return "it belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "other users may write in it"
    return None


def lock_path(path: Path) -> Path:
    """The lock file for ``path`` (an OKR file, or a repository folder for its commits)."""
    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return lock_folder() / f"{digest}.lock"


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock on ``path`` for the ``with`` block, waiting up to LOCK_TIMEOUT seconds."""
    lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
    what = "the repository" if path.is_dir() else str(path)
    try:
        lock.acquire()
    except Timeout:
        raise LockError(
            f"another okr process is writing {what} and has not finished after {LOCK_TIMEOUT} s; nothing was written",
            hint="run the command again when it has finished",
        ) from None
    except OSError as exc:
        raise LockError(
            f"cannot take the lock for {what} ({lock.lock_file}): {exc.strerror or exc}; nothing was written",
            hint="set OKR_CACHE_DIR to a folder you can write (okr keeps its cache and lock files there)",
        ) from None
    try:
        yield
    finally:
        lock.release()
