"""yamlio/writer.py: atomic writes that respect links, permissions, the umask and a full disk."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from okrcli.model.errors import WriteError
from okrcli.yamlio import writer
from okrcli.yamlio.writer import write_atomic


def test_a_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "team.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "team.yaml"
    link.symlink_to(os.path.relpath(real, tmp_path))
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_dangling_link_is_refused_by_name(tmp_path):
    link = tmp_path / "team.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(WriteError, match="does not exist"):
        write_atomic(link, "new\n")
    assert link.is_symlink() and not (tmp_path / "gone.yaml").exists()


def test_a_read_only_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text("old\n")
    path.chmod(0o444)
    with pytest.raises(WriteError, match="read-only") as caught:
        write_atomic(path, "new\n")
    assert "chmod" in caught.value.hint
    assert path.read_text() == "old\n"


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.html", "x")
        os.umask(0o077)
        write_atomic(tmp_path / "private.html", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.html").stat().st_mode) == 0o600


def test_an_existing_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text("old\n")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_device_is_written_to_not_replaced(tmp_path):
    write_atomic(writer.Path("/dev/null"), "anything")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_a_missing_folder_and_a_full_device_are_clear_errors(tmp_path):
    with pytest.raises(WriteError, match="is a folder"):
        write_atomic(tmp_path, "x")
    with pytest.raises(WriteError, match="cannot write .*missing") as caught:
        write_atomic(tmp_path / "missing" / "x.html", "x")
    assert "create the folder" in caught.value.hint
    if os.path.exists("/dev/full"):
        with pytest.raises(WriteError, match="No space left") as caught:
            write_atomic(writer.Path("/dev/full"), "x" * 10000)
        assert "disk space" in caught.value.hint


def test_a_full_disk_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "team.yaml"
    path.write_text("old\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with pytest.raises(WriteError, match="nothing was changed"):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["team.yaml"]
