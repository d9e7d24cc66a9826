"""History reading when git is missing and when the repository's path is not UTF-8: no traceback."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from tests.helpers import ACME, run_cli


@pytest.mark.parametrize("command", [["lint", "--as-of", "2026-11-20"], ["digest", "--until", "2026-11-20"], ["validate"]])
def test_without_a_git_binary_history_is_simply_unknown(tmp_path, monkeypatch, capsys, command):
    repo = tmp_path / "acme"
    shutil.copytree(ACME, repo)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    result = run_cli(capsys, "-C", str(repo), *command)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr and "FileNotFoundError" not in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
@pytest.mark.parametrize("command", [["lint", "--as-of", "2026-11-20"], ["validate"], ["digest", "--until", "2026-11-20"]])
def test_a_repository_path_that_is_not_utf8_works(tmp_path, monkeypatch, capsys, command):
    repo = os.path.join(os.fsencode(tmp_path), b"caf\xe9")
    shutil.copytree(os.fsencode(ACME), repo)
    monkeypatch.setenv("OKR_CACHE_DIR", str(tmp_path / "cache"))
    result = run_cli(capsys, "-C", os.fsdecode(repo), *command)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("error, code, shown", [
    (OSError(5, "Input/output error", "/tmp/somewhere"), 2, "okr: error: /tmp/somewhere: Input/output error"),
    (ValueError("year 10000 is out of range"), 2, "okr: error: ValueError: year 10000 is out of range"),
])
def test_an_error_no_command_foresaw_is_a_message_not_a_traceback(capsys, error, code, shown):
    import typer

    from okrcli.cli.common import run_app

    app = typer.Typer()

    @app.command()
    def boom() -> None:
        raise error

    assert run_app(app, []) == code
    captured = capsys.readouterr()
    assert shown in captured.err and "Traceback" not in captured.err

