"""okr digest on a repository with a known week (16-22 November 2026), against golden Markdown."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.golden_util import assert_golden
from tests.helpers import make_repo, run_cli
from tests.history_helpers import commit_all, edit

FILE = "okrs/2026-Q4/ops.yaml"
PLAN = """\
team: ops
period: 2026-Q4
lead: dana
objectives:
  - id: calm-on-call
    title: On-call is calm
    type: committed
    owner: dana
    key_results:
      - id: pages
        title: Cut pages per week from 40 to 10
        baseline: 40
        target: 10
        unit: pages
        checkins:
          - {date: 2026-10-05, value: 36, confidence: 0.7}
          - {date: 2026-10-19, value: 31, confidence: 0.7}
          - {date: 2026-11-02, value: 27, confidence: 0.7}
      - id: mttr
        title: Reduce time to restore from 90 minutes to 30 minutes
        baseline: 90
        target: 30
        unit: minutes
        owner: lee
        checkins:
          - {date: 2026-10-05, value: 84, confidence: 0.6}
          - {date: 2026-11-02, value: 70, confidence: 0.6}
      - id: runbooks
        title: Raise alerts with a runbook from 20% to 90%
        baseline: 20
        target: 90
        unit: "%"
        owner: sam
        checkins:
          - {date: 2026-10-05, value: 30}
          - {date: 2026-11-09, value: 50}
guardrails:
  - id: error-budget
    title: Error budget burn stays below 100%
    unit: "%"
    threshold: 100
    must_stay: below
    checkins:
      - {date: 2026-11-02, value: 80}
"""


@pytest.fixture
def week(tmp_path):
    """Planned in September; in the week of 16-22 November: check-ins, a re-baseline, an unrecorded move, a breach."""
    repo = make_repo(tmp_path / "r", {FILE: PLAN})
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    commit_all(repo, "2026-09-25", "plan", author="Dana")
    edit(repo, FILE, "          - {date: 2026-11-02, value: 27, confidence: 0.7}\n",
         "          - {date: 2026-11-02, value: 27, confidence: 0.7}\n          - {date: 2026-11-16, value: 12, confidence: 0.8, note: \"Alert dedup | live\"}\n")
    edit(repo, FILE, "          - {date: 2026-11-02, value: 70, confidence: 0.6}\n",
         "          - {date: 2026-11-02, value: 70, confidence: 0.6}\n          - {date: 2026-11-18, value: 75, confidence: 0.2, note: two long outages}\n")
    edit(repo, FILE, "      - {date: 2026-11-02, value: 80}\n", "      - {date: 2026-11-02, value: 80}\n      - {date: 2026-11-17, value: 115}\n")
    commit_all(repo, "2026-11-18", "check-ins", author="Dana")
    edit(repo, FILE, "        target: 90\n", "        target: 80\n")
    commit_all(repo, "2026-11-19", "runbooks: 80 is plenty", author="Sam")
    assert run_cli_ok(repo, "rebaseline", "ops/calm-on-call/mttr", "--target", "40", "--reason", "Two new regions double the work", "--date", "2026-11-20")
    commit_all(repo, "2026-11-20", "rebaseline", author="Lee")
    return repo


def run_cli_ok(repo, *args) -> bool:
    from okrcli.cli.app import app
    from okrcli.cli.common import run_app

    return run_app(app, ["-C", str(repo), *args]) == 0


def test_golden_markdown_of_a_known_week(week, capsys):
    result = run_cli(capsys, "-C", str(week), "digest", "--since", "2026-11-16", "--until", "2026-11-22")
    assert result.exit_code == 0, result.stderr
    text = result.stdout.replace(_short(week, "runbooks"), "SHA")
    assert_golden("digest/week.md", text)


def _short(repo, grep: str) -> str:
    return subprocess.run(["git", "log", "--format=%h", "--abbrev=7", f"--grep={grep}"], cwd=repo, capture_output=True, text=True).stdout.strip()


def test_json_has_the_contract_keys(week, capsys):
    data = json.loads(run_cli(capsys, "-C", str(week), "digest", "--since", "7d", "--until", "2026-11-22", "--format", "json").stdout)
    assert {"since", "until", "checkins", "status_changes", "due", "guardrails", "moved"} <= set(data)
    assert (data["since"], data["until"]) == ("2026-11-16", "2026-11-22")
    assert [(c["ref"], c["date"], c["value"], c["owner"]) for c in data["checkins"]] == [
        ("ops/calm-on-call/pages", "2026-11-16", 12, "dana"),
        ("ops/calm-on-call/mttr", "2026-11-18", 75, "lee"),
    ]
    assert data["checkins"][0]["change"] == -15
    assert [(s["ref"], s["from"], s["to"]) for s in data["status_changes"]] == [("ops/calm-on-call/mttr", "at-risk", "off-track")]
    assert data["due"] == [{"owner": "sam", "refs": ["ops/calm-on-call/runbooks"]}]
    assert [(g["ref"], g["value"]) for g in data["guardrails"]] == [("ops/error-budget", 115)]
    assert [(m["ref"], m["kind"], m["field"], m["old"], m["new"]) for m in data["moved"]] == [
        ("ops/calm-on-call/runbooks", "moved", "target", 90, 80),
        ("ops/calm-on-call/mttr", "rebaselined", "target", 30, 40),
    ]
    assert data["unknown"] == []


def test_without_git_it_says_what_it_could_not_know(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: PLAN})
    data = json.loads(run_cli(capsys, "-C", str(repo), "digest", "--until", "2026-11-22", "--format", "json").stdout)
    assert data["moved"] == [] and len(data["unknown"]) == 1 and "not a git repository" in data["unknown"][0]
    text = run_cli(capsys, "-C", str(repo), "digest", "--until", "2026-11-22").stdout
    assert text.rstrip().endswith("check-ins are taken from the dates in the files_")


def test_a_long_digest_is_cut_with_and_n_more(week, capsys):
    text = run_cli(capsys, "-C", str(week), "digest", "--since", "2026-10-01", "--until", "2026-11-22", "--max-chars", "400").stdout
    assert len(text.rstrip("\n")) <= 400
    assert "- … and " in text and " more" in text


@pytest.mark.parametrize("args,message", [
    (["--since", "2026-11-30", "--until", "2026-11-22"], "is after --until"),
    (["--since", "0d"], "empty window"),
    (["--since", "last week"], "is not a date"),
    (["--max-chars", "10"], "--max-chars"),
])
def test_bad_windows_are_usage_errors(week, capsys, args, message):
    result = run_cli(capsys, "-C", str(week), "digest", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_quiet_week_says_so(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: PLAN.replace("    checkins:\n      - {date: 2026-11-02, value: 80}\n", "")})
    text = run_cli(capsys, "-C", str(repo), "digest", "--since", "2026-10-06", "--until", "2026-10-08", "--no-git", "--format", "text").stdout
    assert "0 check-ins" in text and "Nothing to report" in text


def test_a_window_reaching_before_year_one_is_a_usage_error(capsys):
    from tests.helpers import ACME, run_cli

    result = run_cli(capsys, "-C", str(ACME), "digest", "--since", "5d", "--until", "0001-01-01")
    assert result.exit_code == 2
    assert "before year 1" in result.stderr and "Traceback" not in result.stderr
