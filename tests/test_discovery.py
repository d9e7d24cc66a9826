"""Discovery never skips a file in silence: every path under the root that may hold OKRs is
checked, or reported as `unreadable-file` with what to do, by every command that loads files."""

from __future__ import annotations

import json
import os
import re

import pytest

from okrcli.repo.discovery import discover, is_yaml_name
from tests.helpers import VALID_FILE, make_repo, permissions_bind, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
SALES = VALID_FILE.replace("team: finance", "team: sales")
AS_OF = "2026-11-20"

LOADING_COMMANDS = [
    ["validate", "--format", "json"],
    ["lint", "--format", "json"],
    ["score", "--as-of", AS_OF, "--period", "2026-Q4"],
    ["report", "--as-of", AS_OF, "--period", "2026-Q4", "--format", "json"],
]

permissions_ignored = not permissions_bind()


def _run_in(repo, capsys, *args):
    """``okr ARGS`` run from inside ``repo``, so that files are named relative to it."""
    previous = os.getcwd()
    os.chdir(repo)
    try:
        return run_cli(capsys, *args)
    finally:
        os.chdir(previous)


def _assert_reported(result, command, path, message):
    """validate and lint list the problem; score and report say a file is left out and where to look."""
    if command[0] in ("validate", "lint"):
        assert result.exit_code == 1
        found = json.loads(result.stdout)
        assert [(d["rule"], d["file"], d["message"]) for d in found if d["severity"] == "error"] == [("unreadable-file", path, message)]
    else:
        assert result.exit_code in (0, 1)  # score exits 1 when files have errors
        assert "1 file(s) have errors and are left out; run `okr validate` for details" in result.stderr
    assert "Traceback" not in result.stderr


def _problems(result) -> list[tuple[str, str]]:
    """(rule, file) of every diagnostic a command showed, whatever its output."""
    try:
        found = json.loads(result.stdout)
    except ValueError:
        found = None
    if isinstance(found, list):
        return [(d["rule"], d["file"]) for d in found]
    text = result.stdout + result.stderr
    return [(rule, file) for file, rule in _LOCATED.findall(text)]


_LOCATED = re.compile(r"^(\S+?):(?:\d+:\d+:)? ?(?:error|warning)\[([a-z-]+)\]", re.MULTILINE)


@pytest.mark.parametrize("name", ["finance.YAML", "finance.Yml", "finance.YML", "finance.yml"])
def test_suffixes_in_any_case_are_checked(tmp_path, capsys, name):
    repo = make_repo(tmp_path, {f"okrs/2026-Q4/{name}": "team: finance\nperiod: 2026-Q4\nobjectives: oops\n"})
    result = _run_in(repo, capsys, "validate", "--format", "json")
    assert result.exit_code == 1
    assert ("wrong-type", f"okrs/2026-Q4/{name}") in _problems(result)


@pytest.mark.parametrize("name", [".yml", ".yaml", ".YAML"])
def test_a_file_named_only_by_its_suffix_is_checked(tmp_path, capsys, name):
    repo = make_repo(tmp_path, {f"okrs/2026-Q4/{name}": VALID_FILE})
    result = _run_in(repo, capsys, "validate", "--format", "json")
    found = json.loads(result.stdout)
    assert [(d["rule"], d["file"]) for d in found] == [("path-mismatch", f"okrs/2026-Q4/{name}")]
    assert "rename it to finance" in found[0]["hint"]


def test_hidden_files_and_folders_are_still_skipped(tmp_path):
    repo = make_repo(tmp_path, {FILE: VALID_FILE, "okrs/.drafts/x.yaml": "oops: [", "okrs/2026-Q4/.finance.yaml": "x"})
    (repo / "okrs/2026-Q4/.#finance.yaml").symlink_to("omar@host.1234")  # an editor's lock: a dangling link
    assert discover(repo / "okrs") == [repo / FILE]


def test_is_yaml_name():
    assert all(is_yaml_name(n) for n in ["a.yaml", "a.yml", "a.YAML", "a.Yml", ".yml"])
    assert not any(is_yaml_name(n) for n in ["a.yaml.swp", "yaml", "a.json", ".finance.yaml", "a.yaml~"])


@pytest.mark.parametrize("command", LOADING_COMMANDS, ids=lambda c: c[0])
def test_a_dangling_link_is_reported_by_every_command(tmp_path, capsys, command):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    (repo / "okrs/2026-Q4/sales.yaml").symlink_to("../../shared/sales.yaml")
    result = _run_in(repo, capsys, *command)
    _assert_reported(result, command, "okrs/2026-Q4/sales.yaml", "the link points to ../../shared/sales.yaml, which does not exist")


def test_a_dangling_link_to_a_folder_is_reported(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    (repo / "okrs/2026-Q3").symlink_to("/nonexistent/okrs/2026-Q3")
    result = _run_in(repo, capsys, "validate", "--format", "full")
    assert result.exit_code == 1
    assert "okrs/2026-Q3:1:1: error[unreadable-file] the link points to /nonexistent/okrs/2026-Q3, which does not exist" in result.stdout
    assert "fix or remove the link" in result.stdout


def test_a_loop_of_links_is_reported(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    (repo / "okrs/2026-Q4/sales.yaml").symlink_to("sales.yaml")
    result = _run_in(repo, capsys, "validate", "--format", "json")
    assert ("unreadable-file", "okrs/2026-Q4/sales.yaml") in _problems(result)


def test_a_linked_folder_inside_the_repository_is_followed_once(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE, "shared/2026-Q4/sales.yaml": SALES})
    (repo / "okrs/shared").symlink_to("../shared/2026-Q4")
    (repo / "okrs/loop").symlink_to(".")  # a loop: followed never
    files = discover(repo / "okrs")
    assert [f.relative_to(repo).as_posix() for f in files] == [FILE, "okrs/shared/sales.yaml"]


@pytest.mark.skipif(permissions_ignored, reason="this user reads every folder")
@pytest.mark.parametrize("command", LOADING_COMMANDS, ids=lambda c: c[0])
def test_an_unreadable_folder_is_reported_by_every_command(tmp_path, capsys, command):
    repo = make_repo(tmp_path, {FILE: VALID_FILE, "okrs/2026-Q4/sales/sales.yaml": SALES})
    locked = repo / "okrs/2026-Q4/sales"
    locked.chmod(0o000)
    try:
        result = _run_in(repo, capsys, *command)
    finally:
        locked.chmod(0o755)
    _assert_reported(result, command, "okrs/2026-Q4/sales", "cannot read the folder: Permission denied; the OKR files in it are not checked")


def test_an_unreadable_folder_is_listed_for_reading_to_report(tmp_path, monkeypatch):
    """The same, where the tests run as root (who reads every folder): listing it fails."""
    repo = make_repo(tmp_path, {FILE: VALID_FILE, "okrs/2026-Q4/sales/sales.yaml": SALES})
    locked = repo / "okrs/2026-Q4/sales"
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("okrcli.repo.discovery.os.scandir", scandir)
    assert discover(repo / "okrs") == [repo / FILE, locked]
    from okrcli.repo.reading import read_team_file

    (problem,) = read_team_file(locked).diagnostics
    assert problem.rule == "unreadable-file"
    assert problem.message == "cannot read the folder: Permission denied; the OKR files in it are not checked"
    assert "chmod u+rx" in problem.hint


@pytest.mark.skipif(permissions_ignored, reason="this user reads every file")
def test_an_unreadable_file_is_reported(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    (repo / FILE).chmod(0o000)
    try:
        result = _run_in(repo, capsys, "validate", "--format", "json")
    finally:
        (repo / FILE).chmod(0o644)
    assert ("unreadable-file", FILE) in _problems(result)
