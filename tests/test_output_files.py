"""Files okr writes, from the command line: `-o -`, links, devices, and every way a write can fail.

A write that cannot happen (a missing or read-only folder, a folder named as the file, a
read-only file, a full disk) is `okr: error: ...` naming the file and what to do, exit 2,
and leaves the original as it was, with no temporary file behind, for every command that
writes: check-in, draft, report -o and schema -o.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrcli.yamlio import writer
from tests.helpers import VALID_FILE, git, make_git_repo, make_repo, permissions_bind, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
OKR = str(Path(sys.executable).parent / "okr")
AS_OF = "2026-11-20"
CHECKIN = ["checkin", "finance/faster-close/close-time", "--value", "6", "--date", AS_OF, "--no-input"]
DRAFT = ["draft", "--team", "finance", "--period", "2026-Q4", "--objective", "Pay suppliers on time", "--type", "committed",
         "--kr", "Raise on-time payments from 80% to 95%", "--kr", "Cut late fees from $9k to $2k", "--no-input"]
NEW_DRAFT = ["draft", "--team", "sales", "--period", "2026-Q4", "--objective", "Win more deals", "--type", "committed",
             "--kr", "Raise deals from 10 to 20", "--kr", "Raise win rate from 20% to 30%", "--no-input"]
REPORTS = ["report.md", "report.html", "report.json"]


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FILE: VALID_FILE})


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


# --- standard output ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_report_dash_o_dash_is_standard_output(repo, capsys, fmt):
    to_stdout = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", fmt, "-o", "-")
    plain = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", fmt)
    assert to_stdout.exit_code == 0, to_stdout.stderr
    assert to_stdout.stdout == plain.stdout and to_stdout.stdout.strip()
    assert not (repo / "-").exists() and not Path("-").exists()


def test_report_dash_o_dash_without_a_format_is_the_dashboard(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "-o", "-")
    assert result.exit_code == 0 and "finance" in result.stdout


def test_schema_dash_o_dash_is_standard_output(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "schema", "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"]
    assert not (repo / "-").exists() and not Path("-").exists()


def test_a_file_named_dash_can_still_be_written_by_its_full_path(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "schema", "-o", str(repo / "-"))
    assert result.exit_code == 0 and json.loads((repo / "-").read_text())["title"]


@pytest.mark.parametrize("command", [["report", "--as-of", AS_OF, "--format", "json"], ["schema"]], ids=["report", "schema"])
def test_dev_stdout_is_written_to_not_replaced(repo, command):
    done = subprocess.run([OKR, "-C", str(repo), *command, "-o", "/dev/stdout"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    assert os.path.islink("/dev/stdout")  # still the link to the process's own output


# --- links ------------------------------------------------------------------------------------------


def test_report_onto_a_link_writes_the_linked_file(repo, capsys):
    (repo / "public").mkdir()
    (repo / "public/q4.html").write_text("old report")
    (repo / "latest.html").symlink_to("public/q4.html")
    result = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "-o", str(repo / "latest.html"))
    assert result.exit_code == 0, result.stderr
    assert (repo / "latest.html").is_symlink() and os.readlink(repo / "latest.html") == "public/q4.html"
    assert (repo / "public/q4.html").read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("commit", [False, True], ids=["written", "committed"])
def test_a_checkin_into_a_linked_team_file_updates_the_target(tmp_path, capsys, monkeypatch, commit):
    for name, value in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}.items():
        monkeypatch.setenv(name, value)
    repo = make_git_repo(tmp_path / "r", {"shared/finance.yaml": VALID_FILE, "okrs/2026-Q4/.keep": ""})
    (repo / FILE).symlink_to("../../shared/finance.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "link")
    result = run_cli(capsys, "-C", str(repo), *CHECKIN, *(["--commit"] if commit else []))
    assert result.exit_code == 0, result.stderr
    assert (repo / FILE).is_symlink()
    assert "value: 6\n" in (repo / "shared/finance.yaml").read_text()
    status = git(repo, "status", "--porcelain")
    assert "T " not in status and " T" not in status  # never a type change
    assert status == ("" if commit else " M shared/finance.yaml\n")


# --- writes that cannot happen ---------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS + ["schema.json"])
def test_output_into_a_missing_folder(repo, capsys, name):
    command = ["schema"] if name == "schema.json" else ["report", "--as-of", AS_OF]
    result = run_cli(capsys, "-C", str(repo), *command, "-o", f"/nonexistent/{name}")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"okr: error: cannot write /nonexistent/{name}: No such file or directory; nothing was changed")
    assert "create the folder first" in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("command", [["report", "--as-of", AS_OF, "--format", "html"], ["schema"]], ids=["report", "schema"])
def test_output_naming_a_folder(repo, capsys, command):
    (repo / "out").mkdir()
    result = run_cli(capsys, "-C", str(repo), *command, "-o", str(repo / "out"))
    assert result.exit_code == 2
    assert f"okr: error: {repo / 'out'} is a folder" in result.stderr and "name a file" in result.stderr
    assert list((repo / "out").iterdir()) == []


def test_a_checkin_into_a_read_only_file_is_refused(repo, capsys):
    path = repo / FILE
    path.chmod(0o444)
    before = path.read_bytes()
    result = run_cli(capsys, "-C", str(repo), *CHECKIN)
    assert result.exit_code == 2
    assert f"okr: error: {path} is read-only" in result.stderr and "chmod u+w" in result.stderr
    assert path.read_bytes() == before and (path.stat().st_mode & 0o777) == 0o444
    assert sorted(p.name for p in path.parent.iterdir()) == ["finance.yaml"]


@pytest.mark.parametrize("command", ["checkin", "draft", "new draft", "report", "schema"])
def test_a_full_disk_leaves_everything_as_it_was(repo, capsys, monkeypatch, command):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    args = {
        "checkin": CHECKIN, "draft": DRAFT, "new draft": NEW_DRAFT,
        "report": ["report", "--as-of", AS_OF, "-o", str(repo / "r.html")], "schema": ["schema", "-o", str(repo / "okr.schema.json")],
    }[command]
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    monkeypatch.setattr(writer.os, "fsync", full)
    result = run_cli(capsys, "-C", str(repo), *args)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "No space left on device; nothing was changed" in result.stderr and "free some disk space" in result.stderr
    _no_traceback(result)
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before  # no temporary file either


@pytest.mark.skipif(not permissions_bind(), reason="this user writes into every folder")
@pytest.mark.parametrize("command", ["checkin", "draft", "new draft", "report"])
def test_a_folder_that_may_not_be_written(repo, capsys, command):
    folder = repo / "okrs/2026-Q4"
    args = {"checkin": CHECKIN, "draft": DRAFT, "new draft": NEW_DRAFT, "report": ["report", "--as-of", AS_OF, "-o", str(folder / "r.html")]}[command]
    before = (repo / FILE).read_bytes()
    folder.chmod(0o555)
    try:
        result = run_cli(capsys, "-C", str(repo), *args)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "okr: error: cannot write " in result.stderr and "Permission denied; nothing was changed" in result.stderr
    assert "check the permissions" in result.stderr
    _no_traceback(result)
    assert (repo / FILE).read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["finance.yaml"]


@pytest.mark.skipif(not permissions_bind(), reason="this user writes into every folder")
def test_a_draft_for_a_new_period_in_a_root_that_may_not_be_written(repo, capsys):
    (repo / "okrs").chmod(0o555)
    try:
        result = run_cli(capsys, "-C", str(repo), *[a if a != "2026-Q4" else "2027-Q1" for a in DRAFT])
    finally:
        (repo / "okrs").chmod(0o755)
    assert result.exit_code == 2
    assert f"okr: error: cannot create the folder {repo / 'okrs/2027-Q1'}: Permission denied; nothing was changed" in result.stderr
    _no_traceback(result)
    assert not (repo / "okrs/2027-Q1").exists()


def test_init_where_no_folder_can_be_made(tmp_path, capsys):
    result = run_cli(capsys, "init", "/dev/null/okrs")
    assert result.exit_code == 2
    assert result.stderr.startswith("okr: error: cannot create the folder /dev/null/okrs: Not a directory; nothing was changed")
    _no_traceback(result)


def test_init_on_a_full_disk_then_again(tmp_path, capsys, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(writer.os, "fsync", full)
        result = run_cli(capsys, "init", str(tmp_path / "new"))
    assert result.exit_code == 2 and "okr.toml: No space left on device" in result.stderr
    _no_traceback(result)
    assert run_cli(capsys, "init", str(tmp_path / "new")).exit_code == 0
    assert run_cli(capsys, "-C", str(tmp_path / "new"), "validate").exit_code == 0


def test_draft_from_an_outline_that_is_not_utf8(repo, capsys):
    outline = repo / "outline.md"
    outline.write_bytes(b"# Pay suppliers on time\n- Raise on-time payments from 80% to 95%\n- Cut late fees at the caf\xe9 from 9 to 2\n")
    result = run_cli(capsys, "-C", str(repo), "draft", "--team", "finance", "--period", "2026-Q4", "--from", str(outline), "--no-input")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"okr: error: --from {outline}:3:27: not UTF-8 text (byte 0xE9)")
    assert "save the outline as UTF-8" in result.stderr
    _no_traceback(result)
    assert (repo / FILE).read_text() == VALID_FILE


@pytest.mark.parametrize(
    "args,option",
    [
        (CHECKIN + ["--note", "caf\udce9"], "--note"),
        (CHECKIN + ["--by", "jos\udce9"], "--by"),
        ([a if a != "Pay suppliers on time" else "Pay the caf\udce9" for a in DRAFT], "--objective"),
        (DRAFT + ["--owner", "jos\udce9"], "--owner"),
    ],
    ids=["checkin --note", "checkin --by", "draft --objective", "draft --owner"],
)
def test_text_that_is_not_utf8_is_never_written(repo, capsys, args, option):
    """Bytes that are not UTF-8 on the command line arrive as surrogate escapes ('caf\\udce9')."""
    result = run_cli(capsys, "-C", str(repo), *args)
    assert result.exit_code == 2, result.stderr
    assert f"okr: error: {option} is not UTF-8 text (byte 0xE9)" in result.stderr
    _no_traceback(result)
    assert (repo / FILE).read_text() == VALID_FILE


@pytest.mark.parametrize("command", ["checkin", "checkin --commit", "draft"])
def test_a_team_file_linked_out_of_the_repository_is_never_written(tmp_path, capsys, monkeypatch, command):
    for name, value in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}.items():
        monkeypatch.setenv(name, value)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(VALID_FILE)
    repo = make_git_repo(tmp_path / "r", {"okrs/2026-Q4/.keep": ""})
    (repo / FILE).symlink_to(outside)
    args = {"checkin": CHECKIN, "checkin --commit": CHECKIN + ["--commit"], "draft": DRAFT}[command]
    result = run_cli(capsys, "-C", str(repo), *args)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert f"okr: error: cannot write {repo / FILE}: it is a link to {outside}, outside the repository" in result.stderr
    _no_traceback(result)
    assert outside.read_text() == VALID_FILE and (repo / FILE).is_symlink()
