"""``okr lint --changed``: which OKR files a branch changed.

Git says which files differ from the merge base of a reference (committed, staged,
unstaged or untracked); of those, the OKR files that still exist under the root, and
within the paths asked about, are the ones to report on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from okrcli.repo import git
from okrcli.repo.config import find_repository
from okrcli.repo.discovery import is_yaml_name
from okrcli.rules.options import load_settings


@dataclass
class ChangedFiles:
    """The OKR files changed against ``base``, the reference they were compared with."""

    base: str
    files: list[Path]


def changed_okr_files(start: Path, base: str | None, paths: list[Path] | None = None) -> ChangedFiles:
    """OKR files changed against the merge base of ``base`` (default: origin/main, else main), within ``paths``.

    A base that cannot be compared with (no such reference, a shallow clone without the
    merge base, not a git repository) is a UsageError saying how to fix it (exit 2).
    """
    repo_dir = find_repository(start)
    okr_root = (repo_dir / load_settings(repo_dir).root).resolve()
    reference = base or git.default_base(repo_dir)
    files = [
        path for path in git.changed_files(repo_dir, reference)
        if is_yaml_name(path.name) and path.exists() and okr_root in path.resolve().parents
    ]
    if paths:
        wanted = [p.resolve() for p in paths]
        files = [path for path in files if any(path.resolve() == w or w in path.resolve().parents for w in wanted)]
    return ChangedFiles(reference, files)
