"""Git repositories with dated commits, for the tests of history, the history rules and the digest."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.helpers import VALID_FILE, make_repo

FILE = "okrs/2026-Q4/finance.yaml"
REF = "finance/faster-close/close-time"


def dated_git(root: Path, day: str, *args: str, author: str = "Test") -> str:
    """Run git with author and committer dates (and the author name) set to ``day`` at noon UTC."""
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00",
           "GIT_AUTHOR_NAME": author}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def commit_all(root: Path, day: str, message: str, author: str = "Test") -> str:
    """Stage everything and commit it on ``day``; returns the new commit's full hash."""
    dated_git(root, day, "add", "-A")
    dated_git(root, day, "commit", "-q", "-m", message, author=author)
    return dated_git(root, day, "rev-parse", "HEAD").strip()


def write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8", newline="")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace ``old`` (which must occur once) with ``new`` in a file of the repository."""
    text = (root / relative).read_text(encoding="utf-8")
    assert text.count(old) == 1, (relative, old)
    write(root, relative, text.replace(old, new))


def add_checkin(root: Path, day: str, value: float, relative: str = FILE) -> None:
    """Append a check-in to close-time (VALID_FILE's first key result), after its last one."""
    marker = "      - id: recon\n"
    edit(root, relative, marker, f"          - date: {day}\n            value: {value}\n{marker}")


def dated_repo(root: Path, day: str = "2026-09-20", text: str = VALID_FILE, config: str | None = None) -> Path:
    """A git repository whose first commit, on ``day``, holds VALID_FILE (close-time: 7 -> 4)."""
    make_repo(root, {FILE: text}, **({"config": config} if config is not None else {}))
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit_all(root, day, "plan Q4", author="Ana Ruiz")
    return root
