"""CI as a client: paths GitHub can place on the diff, -C like git -C, failures in the format asked for.

SARIF is checked against the official 2.1.0 schema and, with Microsoft's SARIF multitool
(installed from npm into .node/ by scripts/install-test-deps.sh), against its GitHub
Advanced Security rule set, with no warning or error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import CONFIG, VALID_FILE, build_file_tree, git, run_cli

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data/schemas/sarif-2.1.0-rtm.5.json").read_text())
MULTITOOL = Path(__file__).resolve().parent.parent / ".node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

TASKY = VALID_FILE.replace("Reduce unreconciled items from 120 to 30", "Implement the reconciliation bot")
FINDING = "planning/okrs/2026-Q4/finance.yaml"


@pytest.fixture
def nested(tmp_path):
    """A git repository whose OKR repository is a subfolder, planning/, with one finding."""
    root = tmp_path / "monorepo"
    root.mkdir()
    build_file_tree(root, {"planning/okr.toml": CONFIG, FINDING: TASKY, "README.md": "x\n"})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def _sarif_places(text: str) -> tuple[list[str], str]:
    log = json.loads(text)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    return uris, run["originalUriBaseIds"]["%SRCROOT%"]["uri"]


@pytest.mark.parametrize("where", ["root", "okr folder", "deep subfolder", "elsewhere"])
def test_sarif_and_github_paths_are_relative_to_the_git_root(nested, tmp_path, monkeypatch, capsys, where):
    cwd, args = {
        "root": (nested, ["-C", "planning"]),
        "okr folder": (nested / "planning", []),
        "deep subfolder": (nested / "planning/okrs/2026-Q4", []),
        "elsewhere": (tmp_path, ["-C", str(nested / "planning")]),
    }[where]
    monkeypatch.chdir(cwd)
    sarif = run_cli(capsys, *args, "lint", "--as-of", "2026-10-10", "--format", "sarif")
    uris, srcroot = _sarif_places(sarif.stdout)
    assert uris == [FINDING]
    assert srcroot == nested.resolve().as_uri() + "/"
    github = run_cli(capsys, *args, "lint", "--as-of", "2026-10-10", "--format", "github")
    assert github.stdout.startswith(f"::error file={FINDING},line=19,")
    # the formats people read stay relative to where they are
    concise = run_cli(capsys, *args, "lint", "--as-of", "2026-10-10", "--format", "concise")
    expected = (nested / FINDING).resolve().relative_to(cwd.resolve()) if where != "elsewhere" else None
    if expected is not None:
        assert concise.stdout.startswith(f"{expected.as_posix()}:19:")


def test_outside_git_paths_are_relative_to_the_okr_repository(tmp_path, monkeypatch, capsys):
    from tests.helpers import make_repo

    repo = make_repo(tmp_path / "plain", {"okrs/2026-Q4/finance.yaml": TASKY})
    monkeypatch.chdir(repo / "okrs")
    uris, srcroot = _sarif_places(run_cli(capsys, "lint", "--as-of", "2026-10-10", "--format", "sarif").stdout)
    assert uris == ["okrs/2026-Q4/finance.yaml"] and srcroot == repo.resolve().as_uri() + "/"


def test_paths_after_dash_c_are_read_inside_it(nested, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for command in ("validate", "lint"):
        result = run_cli(capsys, "-C", "monorepo/planning", command, "okrs/2026-Q4/finance.yaml", "--format", "json")
        found = json.loads(result.stdout)
        assert result.exit_code in (0, 1), result.stderr
        assert all(d["file"] == f"monorepo/{FINDING}" for d in found)
        # the command's own -C too
        local = run_cli(capsys, command, "-C", "monorepo/planning", "okrs/2026-Q4/finance.yaml", "--format", "json")
        assert json.loads(local.stdout) == found
    missing = run_cli(capsys, "-C", "monorepo/planning", "validate", "okrs/2026-Q4/nope.yaml")
    assert missing.exit_code == 2
    assert "okr: error: monorepo/planning/okrs/2026-Q4/nope.yaml: no such file or folder" in missing.stderr


def test_output_and_input_files_after_dash_c_are_inside_it(nested, tmp_path, monkeypatch, capsys):
    planning = nested / "planning"
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "-C", str(planning), "schema", "-o", "editor.schema.json").exit_code == 0
    assert (planning / "editor.schema.json").is_file() and not (tmp_path / "editor.schema.json").exists()
    written = run_cli(capsys, "-C", str(planning), "report", "--as-of", "2026-10-10", "--period", "2026-Q4", "-o", "q4.md")
    assert written.exit_code == 0, written.stderr
    assert (planning / "q4.md").is_file()
    (planning / "plan.md").write_text("- Make onboarding painless\n  - Cut time to first value from 9 days to 3 days\n"
                                      "  - Raise activation from 30% to 45%\n")
    drafted = run_cli(capsys, "-C", str(planning), "draft", "--team", "growth", "--period", "2027-Q1",
                      "--from", "plan.md", "--type", "committed", "--dry-run", "--no-input")
    assert drafted.exit_code == 0, drafted.stderr
    assert "Cut time to first value" in drafted.stdout


def test_a_bad_okr_toml_is_an_annotation_and_a_sarif_notification(nested, monkeypatch, capsys):
    (nested / "planning/okr.toml").write_text('root = "okrs"\n[lint]\nselekt = ["kr-task-style"]\n')
    monkeypatch.chdir(nested / "planning/okrs")
    github = run_cli(capsys, "lint", "--format", "github")
    assert github.exit_code == 2
    assert github.stdout.startswith("::error file=planning/okr.toml,line=3,col=1,title=okr lint failed::unknown key 'lint.selekt'")
    assert "did you mean 'select'?" in github.stdout
    assert "okr: error:" in github.stderr  # the log still says it as always
    sarif = run_cli(capsys, "lint", "--format", "sarif", "--exit-zero")
    assert sarif.exit_code == 2
    log = json.loads(sarif.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "unknown key 'lint.selekt'" in note["message"]["text"]
    place = note["locations"][0]["physicalLocation"]
    assert place["artifactLocation"] == {"uri": "planning/okr.toml", "uriBaseId": "%SRCROOT%"}
    assert place["region"]["startLine"] == 3
    assert log["runs"][0]["results"] == []


def test_broken_toml_syntax_is_placed_at_its_line(nested, monkeypatch, capsys):
    (nested / "planning/okr.toml").write_text('root = "okrs"\n[lint\n')
    monkeypatch.chdir(nested)
    result = run_cli(capsys, "-C", "planning", "lint", "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.startswith("::error file=planning/okr.toml,line=2,")
    assert "invalid TOML" in result.stdout


def test_a_shallow_clone_with_changed_says_why_and_never_leaves_an_empty_sarif(nested, tmp_path, capsys, monkeypatch):
    git(nested, "checkout", "-q", "-b", "topic")
    (nested / FINDING).write_text(TASKY.replace("omar", "ines"))
    git(nested, "commit", "-qam", "change")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "topic", nested.as_uri(), str(clone)], check=True)
    monkeypatch.chdir(clone)
    sarif = run_cli(capsys, "-C", "planning", "lint", "--changed", "--base", "origin/main", "--format", "sarif", "--exit-zero")
    assert sarif.exit_code == 2 and sarif.stdout.strip()  # a usage problem, not findings: --exit-zero keeps it
    log = json.loads(sarif.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "cannot compare with origin/main" in note["message"]["text"]
    assert "shallow" in note["message"]["text"] and "fetch-depth: 0" in note["message"]["text"]
    github = run_cli(capsys, "-C", "planning", "lint", "--changed", "--base", "origin/main", "--format", "github")
    assert github.stdout.startswith("::error title=okr lint failed::cannot compare with origin/main")
    assert "fetch-depth: 0" in github.stdout and "fetch-depth: 0" in github.stderr


def test_usage_errors_are_annotations_too(nested, monkeypatch, capsys):
    monkeypatch.chdir(nested / "planning")
    result = run_cli(capsys, "lint", "--as-of", "2026-13-01", "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.startswith("::error title=okr lint failed::--as-of '2026-13-01' is not a date")
    result = run_cli(capsys, "lint", "okrs/nowhere", "--format", "sarif")
    assert result.exit_code == 2 and "no such file or folder" in result.stdout


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: scripts/install-test-deps.sh installs it")
def test_sarif_passes_the_multitool_github_rules(nested, tmp_path, monkeypatch, capsys):
    assert MULTITOOL.exists(), "the SARIF multitool is not installed: run scripts/install-test-deps.sh"
    monkeypatch.chdir(nested / "planning")
    logs = {"findings.sarif": run_cli(capsys, "lint", "--as-of", "2026-10-10", "--format", "sarif").stdout}
    (nested / "planning/okr.toml").write_text('root = "okrs"\n[lint]\nselekt = 1\n')
    logs["failure.sarif"] = run_cli(capsys, "lint", "--format", "sarif").stdout
    for name, text in logs.items():
        (tmp_path / name).write_text(text)
        report = tmp_path / f"{name}.validation.sarif"
        result = subprocess.run(
            [str(MULTITOOL), "validate", "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning",
             "-o", str(report), str(tmp_path / name)],
            capture_output=True, text=True, timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        found = json.loads(report.read_text())["runs"][0].get("results", [])
        problems = [r for r in found if r.get("level", "warning") in ("error", "warning")]
        assert problems == [], (name, result.stdout)
