"""Locks work for every user on one machine: each user's lock files live in a folder of their
own, and every failure to make or take a lock is a message, never a traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from okrcli.usecases import locks
from tests.helpers import VALID_FILE, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
CHECKIN = ["checkin", "finance/faster-close/close-time", "--value", "6", "--date", "2026-11-20", "--no-input"]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OKR_CACHE_DIR", str(folder))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", None)  # gettempdir() reads TMPDIR again
    return folder


def test_locks_live_in_the_users_own_folder(tmp_path, cache):
    path = lock = locks.lock_path(tmp_path / "finance.yaml")
    assert lock.parent == cache / "locks"
    assert stat.S_IMODE(lock.parent.stat().st_mode) == 0o700
    assert lock.name.endswith(".lock") and path == locks.lock_path(tmp_path / "x" / ".." / "finance.yaml")


def test_a_shared_lock_folder_made_by_another_user_is_never_used(tmp_path, cache, capsys):
    """The old /tmp/okr-locks, created 0755 by whoever ran first, stopped every other user."""
    shared = tmp_path / "tmp" / "okr-locks"
    shared.mkdir(mode=0o555)
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    assert result.exit_code == 0, result.stderr
    assert list(shared.iterdir()) == []


def test_without_a_cache_folder_a_private_temporary_folder_is_used(tmp_path, cache, monkeypatch, capsys):
    monkeypatch.setenv("OKR_CACHE_DIR", "/dev/null/okr")  # cannot be created, even by root
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    assert result.exit_code == 0, result.stderr
    (private,) = (tmp_path / "tmp").iterdir()
    assert private.name == f"okr-locks-{locks.user_id()}"
    assert stat.S_IMODE(private.stat().st_mode) == 0o700


@pytest.mark.parametrize("squat", ["file", "link", "open"])
def test_a_temporary_lock_folder_someone_else_could_write_is_refused(tmp_path, cache, monkeypatch, capsys, squat):
    monkeypatch.setenv("OKR_CACHE_DIR", "/dev/null/okr")
    planted = tmp_path / "tmp" / f"okr-locks-{locks.user_id()}"
    if squat == "file":
        planted.write_text("x")
    elif squat == "link":
        (tmp_path / "theirs").mkdir(mode=0o700)
        planted.symlink_to(tmp_path / "theirs")
    else:
        planted.mkdir()
        planted.chmod(0o777)
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    before = (repo / FILE).read_bytes()
    result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    assert result.exit_code == 2
    assert result.stderr.startswith("okr: error: cannot make a folder for okr's lock files: /dev/null/okr/locks")
    assert str(planted) in result.stderr and "OKR_CACHE_DIR" in result.stderr
    assert "Traceback" not in result.stderr
    assert (repo / FILE).read_bytes() == before


def test_a_lock_held_too_long_is_a_message(tmp_path, cache, monkeypatch, capsys):
    repo = make_repo(tmp_path / "r", {FILE: VALID_FILE})
    before = (repo / FILE).read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from okrcli.usecases.locks import locked
            with locked(Path({str(repo / FILE)!r})):
                print("held", flush=True)
                time.sleep(30)
        """)],
        stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(locks, "LOCK_TIMEOUT", 0.3)
        result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert "okr: error: another okr process is writing" in result.stderr and "finance.yaml" in result.stderr
    assert "nothing was written" in result.stderr and "run the command again" in result.stderr
    assert (repo / FILE).read_bytes() == before
