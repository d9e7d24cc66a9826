"""The pre-commit hooks and the sample CI workflow work as shipped, in a repository that has
other YAML files (a workflow, a pre-commit config) beside its OKR files, and the versions
and install commands they name exist."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers import VALID_FILE, make_repo, run_cli

PROJECT = Path(__file__).resolve().parent.parent
HOOKS = PROJECT / ".pre-commit-hooks.yaml"
WORKFLOW = PROJECT / "docs/examples/okr-lint.yml"


def _hooks() -> list[dict]:
    return yaml.safe_load(HOOKS.read_text())


def _files_pre_commit_passes(hook: dict, paths: list[str]) -> list[str]:
    """What pre-commit hands the hook: paths matching ``files`` and not ``exclude`` (with no ``types``,
    pre-commit's default, every file qualifies)."""
    assert "types" not in hook or hook["types"] == ["file"]
    files, exclude = re.compile(hook.get("files", "")), re.compile(hook.get("exclude", "^$"))
    return [p for p in paths if files.search(p) and not exclude.search(p)]


REPOSITORY = {
    "okrs/2026-Q4/finance.yaml": VALID_FILE,
    "okrs/2026-Q4/sales.YML": VALID_FILE.replace("team: finance", "team: sales"),
    ".github/workflows/okr-lint.yml": WORKFLOW.read_text(),
    ".pre-commit-config.yaml": "repos: []\n",
    "docs/meeting.yml": "agenda: [okrs]\n",
    "config/okrs.yaml": "not: an okr file\n",
}


@pytest.mark.parametrize("hook_id", ["okr-lint", "okr-validate"])
def test_the_hooks_pass_only_okr_files_and_succeed(tmp_path, capsys, hook_id):
    (hook,) = [h for h in _hooks() if h["id"] == hook_id]
    repo = make_repo(tmp_path, REPOSITORY)
    passed = _files_pre_commit_passes(hook, sorted(REPOSITORY))
    assert passed == ["okrs/2026-Q4/finance.yaml", "okrs/2026-Q4/sales.YML"]
    command = hook["entry"].split()[1:]  # "okr lint" -> run in-process
    result = run_cli(capsys, "-C", str(repo), *command, *(str(repo / p) for p in passed))
    assert result.exit_code == 0, result.stdout + result.stderr


def test_the_hooks_say_how_to_pin_and_how_to_change_the_root():
    header = "".join(line for line in HOOKS.read_text().splitlines(keepends=True) if line.startswith("#"))
    tags = subprocess.run(["git", "tag"], cwd=PROJECT, capture_output=True, text=True).stdout.split()
    for rev in re.findall(r"rev:\s*(<[^>]*>|\S+)", header):
        assert rev in tags or re.fullmatch(r"[0-9a-f]{40}|<[A-Za-z -]+>", rev), f"rev: {rev} names nothing that exists"
    assert "commit" in header and "files:" in header


@pytest.mark.parametrize("workflow", sorted((PROJECT / "docs/examples").glob("*.yml")), ids=lambda p: p.name)
def test_sample_workflows_install_okrcli_from_a_repository(workflow):
    """okrcli is on no package index: `pip install okrcli` would install nothing (or someone else's package)."""
    text = workflow.read_text()
    steps = [step for job in yaml.safe_load(text)["jobs"].values() for step in job["steps"]]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs
    for line in installs:
        assert "okrcli" not in line.split("pip install", 1)[1].split(), line
        assert "git+https://" in line or "$OKRCLI" in line, line
    assert "git+https://" in text and "<commit-sha>" in text


def test_the_lint_workflow_fetches_the_history_changed_needs():
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["lint"]["steps"]
    (checkout,) = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
