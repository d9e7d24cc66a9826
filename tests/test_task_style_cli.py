"""`okr lint` stops CI on a task-style key result: an error by default, configurable and suppressible."""

from __future__ import annotations

import json

from tests.helpers import ACME, VALID_FILE, make_repo, run_cli

HABIT = VALID_FILE.replace("Reduce unreconciled items from 120 to 30", "Reconcile the bank accounts every Monday")


def _lint(capsys, repo, *extra):
    return run_cli(capsys, "-C", str(repo), "lint", "--as-of", "2026-10-10", "--format", "json", *extra)


def test_a_task_style_key_result_fails_lint_without_extra_flags(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": HABIT})
    result = _lint(capsys, repo)
    assert result.exit_code == 1
    [finding] = [d for d in json.loads(result.stdout) if d["rule"] == "kr-task-style"]
    assert finding["severity"] == "error"
    assert "reads as a task: a habit" in finding["message"]
    assert "initiatives" in finding["hint"] and "Reduce month-end close" in finding["hint"]  # a finance example


def test_the_severity_stays_configurable_and_a_line_suppressible(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": HABIT})
    (repo / "okr.toml").write_text('[lint]\nseverity = { kr-task-style = "warning" }\n')
    assert _lint(capsys, repo).exit_code == 0
    (repo / "okr.toml").write_text("")
    suppressed = HABIT.replace(
        "Reconcile the bank accounts every Monday\n",
        "Reconcile the bank accounts every Monday  # okr: disable-line kr-task-style -- the auditor asks for it\n",
    )
    (repo / "okrs/2026-Q4/finance.yaml").write_text(suppressed)
    assert _lint(capsys, repo).exit_code == 0


def test_the_demo_repository_s_deliberate_task_is_found_and_named(capsys):
    result = run_cli(capsys, "-C", str(ACME), "lint", "--as-of", "2026-11-20", "--format", "json")
    [finding] = [d for d in json.loads(result.stdout) if d["rule"] == "kr-task-style"]
    assert result.exit_code == 1 and "'returns-portal' reads as a task: an activity" in finding["message"]
