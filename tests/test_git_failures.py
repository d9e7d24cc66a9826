"""Git that fails: every case says what happened and how to finish, with the documented exit code.

`okr lint --changed` against a reference that does not exist, or in a shallow clone, is a
usage problem (exit 2) with the fix; a commit blocked by another git process is retried,
then reported as written but not committed with the commands that finish it; no `git`
command at all is a message, never an ImportError traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from okrcli.repo import git as okr_git
from tests.helpers import VALID_FILE, git, make_git_repo, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
SALES = VALID_FILE.replace("team: finance", "team: sales")
CHECKIN = ["checkin", "finance/faster-close/close-time", "--value", "6", "--date", "2026-11-20", "--no-input"]
OKR = str(Path(sys.executable).parent / "okr")


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch):
    for name, value in {
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    }.items():
        monkeypatch.setenv(name, value)


# --- okr lint --changed ---------------------------------------------------------------------


def test_an_unknown_base_is_a_usage_error(tmp_path, capsys):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "nosuch")
    assert result.exit_code == 2
    assert result.stderr.startswith("okr: error: cannot compare with nosuch: no such branch, tag or commit")
    assert "--base" in result.stderr and "git branch -a" in result.stderr
    assert "stderr:" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["concise", "json", "github", "sarif"])
def test_an_unknown_base_stops_every_format(tmp_path, capsys, fmt):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "nosuch", "--format", fmt)
    assert result.exit_code == 2
    assert "okr: error: cannot compare with nosuch: no such branch, tag or commit" in result.stderr
    if fmt in ("concise", "json"):  # github and sarif also tell it in their own form, for CI to show
        assert result.stdout == ""


def _shallow_pull_request(tmp_path: Path) -> Path:
    """A CI checkout: the head of a branch made from main, cloned one commit deep."""
    origin = make_git_repo(tmp_path / "origin", {FILE: VALID_FILE})
    git(origin, "checkout", "-q", "-b", "feature")
    (origin / "okrs/2026-Q4/sales.yaml").write_text(SALES)
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "sales")
    git(origin, "checkout", "-q", "main")
    (origin / "okr.toml").write_text('root = "okrs"\n# moved on\n')
    git(origin, "commit", "-q", "-am", "main moves on")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature", f"file://{origin}", str(clone)],
        check=True, capture_output=True,
    )
    return clone


def test_a_shallow_clone_is_a_usage_error_that_says_how_to_fetch(tmp_path, capsys):
    clone = _shallow_pull_request(tmp_path)
    result = run_cli(capsys, "-C", str(clone), "lint", "--changed", "--base", "origin/main")
    assert result.exit_code == 2, result.stderr
    assert "okr: error: cannot find where HEAD and origin/main diverged: this clone is shallow" in result.stderr
    assert "git fetch --unshallow" in result.stderr and "fetch-depth: 0" in result.stderr


def test_a_shallow_clone_without_the_base_branch_says_how_to_fetch(tmp_path, capsys):
    origin = make_git_repo(tmp_path / "origin", {FILE: VALID_FILE})
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True, capture_output=True)
    result = run_cli(capsys, "-C", str(clone), "lint", "--changed", "--base", "origin/develop")
    assert result.exit_code == 2
    assert "no such branch, tag or commit" in result.stderr and "fetch-depth: 0" in result.stderr


def test_unrelated_histories_are_a_usage_error(tmp_path, capsys):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    git(repo, "checkout", "-q", "--orphan", "other")
    git(repo, "commit", "-q", "-m", "unrelated")
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "main")
    assert result.exit_code == 2
    assert "HEAD and main have no commit in common" in result.stderr


def test_changed_outside_git_is_a_usage_error(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed")
    assert result.exit_code == 2
    assert "okr: error: --changed needs a git repository" in result.stderr


def test_a_repository_without_commits(tmp_path, capsys):
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    git(repo, "init", "-q", "-b", "main")
    result = run_cli(capsys, "-C", str(repo), "lint", "--changed", "--base", "main")
    assert result.exit_code == 2
    assert "no commits yet" in result.stderr


# --- a commit blocked by another git process --------------------------------------------------


def test_a_held_index_lock_leaves_the_checkin_written_with_the_commands_to_finish(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(okr_git, "COMMIT_ATTEMPTS", 3)
    monkeypatch.setattr(okr_git, "COMMIT_PAUSE", 0.05)
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    (repo / ".git/index.lock").write_text("")
    monkeypatch.chdir(repo)
    result = run_cli(capsys, *CHECKIN, "--commit")
    assert result.exit_code == 1
    err = result.stderr
    assert err.startswith(f"okr: error: {FILE}: written but not committed: another git process is using the repository")
    assert ".git/index.lock" in err
    assert f"git add {FILE} && git commit -m 'okr: check-in finance 2026-Q4'" in err
    assert "remove .git/index.lock" in err
    assert "value: 6" in (repo / FILE).read_text()
    assert git(repo, "log", "--format=%s").splitlines() == ["initial"]


def test_a_lock_given_up_during_the_retries_is_committed(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(okr_git, "COMMIT_PAUSE", 0.05)
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    lock = repo / ".git/index.lock"
    lock.write_text("")
    threading.Timer(0.3, lock.unlink).start()
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--commit")
    assert result.exit_code == 0, result.stderr
    assert git(repo, "log", "--format=%s").splitlines()[0] == "okr: check-in finance 2026-Q4"
    assert git(repo, "status", "--porcelain") == ""


def test_any_other_commit_failure_is_told_in_full(tmp_path, capsys):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'first line of the hook' >&2\necho 'policy: no commits on Fridays' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, "--commit")
    assert result.exit_code == 1
    assert f"{FILE}: written but not committed: git commit failed:" in result.stderr
    assert "first line of the hook" in result.stderr and "policy: no commits on Fridays" in result.stderr
    assert f"git -C {repo} add {FILE} && git -C {repo} commit -m" in result.stderr


# --- no git at all ------------------------------------------------------------------------------


def _without_git(tmp_path: Path) -> dict:
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_PYTHON")}
    return {**env, "PATH": str(empty), "HOME": str(tmp_path), "OKR_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize(
    "command,config",
    [
        (CHECKIN + ["--commit"], 'root = "okrs"\n'),
        (CHECKIN, 'root = "okrs"\n[checkin]\ncommit = true\n'),
        (["lint", "--changed"], 'root = "okrs"\n'),
    ],
    ids=["checkin --commit", "commit = true", "lint --changed"],
)
def test_no_git_command_is_a_message(tmp_path, command, config):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE}, config=config)
    before = (repo / FILE).read_bytes()
    done = subprocess.run([OKR, "-C", str(repo), *command], env=_without_git(tmp_path), capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("okr: error: no `git` command was found")
    assert "install git" in done.stderr
    assert "Traceback" not in done.stderr
    assert (repo / FILE).read_bytes() == before


def test_without_git_commands_that_need_none_still_work(tmp_path):
    repo = make_git_repo(tmp_path / "r", {FILE: VALID_FILE})
    done = subprocess.run([OKR, "-C", str(repo), *CHECKIN], env=_without_git(tmp_path), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert shutil.which("git", path=_without_git(tmp_path)["PATH"]) is None
