"""Where CI formats place files: the root of the git repository, whatever the working directory."""

from __future__ import annotations

from pathlib import Path

from okrcli.repo import git
from okrcli.repo.config import find_repository


def report_root(start: Path) -> Path:
    """The folder SARIF and GitHub annotation paths are relative to.

    GitHub attaches a finding to a pull request's diff only by its path from the
    repository's root, so that is the base, however deep okr was started (or -C
    pointed); outside git, the OKR repository's folder (the one holding okr.toml).
    """
    repo_dir = find_repository(start)
    return git.top_level(repo_dir) or repo_dir
