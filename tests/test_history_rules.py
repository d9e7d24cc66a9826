"""target-moved and checkin-rewritten on git repositories with dated commits (Q4 2026 starts on 1 October)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.helpers import VALID_FILE, locate, make_repo, run_cli
from tests.history_helpers import FILE, REF, add_checkin, commit_all, dated_git, dated_repo, edit

TARGET = "        target: 4\n"


def _lint(capsys, repo, *args):
    result = run_cli(capsys, "-C", str(repo), "lint", "--format", "json", "--as-of", "2026-11-20", *args)
    assert result.exit_code in (0, 1), result.stderr
    return [d for d in json.loads(result.stdout) if d["rule"] in ("target-moved", "checkin-rewritten")], result


@pytest.fixture
def repo(tmp_path):
    return dated_repo(tmp_path / "r")


def test_a_target_moved_after_the_start_is_an_error_naming_the_commit(repo, capsys):
    edit(repo, FILE, TARGET, "        target: 5.5\n")
    sha = commit_all(repo, "2026-11-12", "easier", author="Bo Chen")
    found, result = _lint(capsys, repo)
    assert result.exit_code == 1
    assert len(found) == 1
    finding = found[0]
    assert finding["rule"] == "target-moved" and finding["severity"] == "error"
    assert (finding["line"], finding["column"]) == locate((repo / FILE).read_text(), "5.5")
    assert finding["message"] == (
        f"target of 'close-time' moved from 4 to 5.5 after 2026-Q4 started (2026-10-01) in {sha[:7]} (Bo Chen, 2026-11-12); "
        "no re-baseline records it"
    )
    assert f"okr rebaseline {REF} --target 5.5" in finding["hint"] and "old: 4, new: 5.5" in finding["hint"]


def test_a_baseline_moved_is_reported_too(repo, capsys):
    edit(repo, FILE, "        baseline: 7\n", "        baseline: 8\n")
    commit_all(repo, "2026-10-20", "re-measured")
    found, _ = _lint(capsys, repo)
    assert [(d["rule"], d["message"].split(" moved")[0]) for d in found] == [("target-moved", "baseline of 'close-time'")]


def test_moved_before_the_start_is_planning(repo, capsys):
    edit(repo, FILE, TARGET, "        target: 5\n")
    commit_all(repo, "2026-09-28", "tuning the plan")
    edit(repo, FILE, "        target: 5\n", "        target: 4.5\n")
    commit_all(repo, "2026-10-01", "final plan, on the first day")
    assert _lint(capsys, repo)[0] == []


def test_moved_and_rebaselined_is_fine_and_earlier_scores_keep_the_old_target(repo, capsys):
    args = ["-C", str(repo), "rebaseline", REF, "--target", "5", "--reason", "ERP moved", "--date", "2026-11-03"]
    assert run_cli(capsys, *args).exit_code == 0
    commit_all(repo, "2026-11-03", "okr: rebaseline")
    assert _lint(capsys, repo)[0] == []
    score = json.loads(run_cli(capsys, "-C", str(repo), "score", REF, "--as-of", "2026-11-02", "--format", "json").stdout)
    kr = score["teams"][0]["objectives"][0]["key_results"][0]
    assert kr["target"] == 4 and kr["score"] == pytest.approx((6.5 - 7) / (4 - 7), abs=1e-4)


def test_two_records_chain_from_the_start_to_today(repo, capsys):
    base = ["-C", str(repo), "rebaseline", REF, "--reason", "x"]
    assert run_cli(capsys, *base, "--target", "5", "--date", "2026-10-20").exit_code == 0
    commit_all(repo, "2026-10-20", "first")
    assert run_cli(capsys, *base, "--target", "4.5", "--date", "2026-11-10").exit_code == 0
    commit_all(repo, "2026-11-10", "second")
    assert _lint(capsys, repo)[0] == []


def test_a_record_that_does_not_match_the_move_explains_nothing(repo, capsys):
    edit(repo, FILE, TARGET, TARGET.replace("4", "6") + "        rebaselines:\n          - {date: 2026-11-01, field: target, old: 4, new: 5, reason: x}\n")
    commit_all(repo, "2026-11-01", "moved further than recorded")
    found, _ = _lint(capsys, repo)
    assert [d["rule"] for d in found] == ["target-moved"] and "from 4 to 6" in found[0]["message"]


def test_a_key_result_added_mid_period_then_moved(repo, capsys):
    new_kr = "      - id: late\n        title: Cut late payments from 30 to 10\n        baseline: 30\n        target: 10\n"
    edit(repo, FILE, "      - id: recon\n", new_kr + "      - id: recon\n")
    commit_all(repo, "2026-10-15", "a third key result")
    assert _lint(capsys, repo)[0] == []  # added after the start: its first values are the plan
    edit(repo, FILE, "        target: 10\n", "        target: 20\n")
    sha = commit_all(repo, "2026-11-05", "halve it")
    found, _ = _lint(capsys, repo)
    assert [d["message"] for d in found] == [
        f"target of 'late' moved from 10 to 20 after 2026-Q4 started (2026-10-01) in {sha[:7]} (Test, 2026-11-05); no re-baseline records it"
    ]


def test_an_uncommitted_move_is_reported(repo, capsys):
    edit(repo, FILE, TARGET, "        target: 5\n")
    found, _ = _lint(capsys, repo)
    assert len(found) == 1 and "in the working tree (not committed)" in found[0]["message"]


def test_a_renamed_file_keeps_its_history(repo, capsys):
    (repo / "okrs/q4").mkdir()
    dated_git(repo, "2026-10-10", "mv", FILE, "okrs/q4/finance.yaml")
    commit_all(repo, "2026-10-10", "one folder per quarter")
    edit(repo, "okrs/q4/finance.yaml", TARGET, "        target: 5\n")
    commit_all(repo, "2026-11-01", "easier")
    found, _ = _lint(capsys, repo)
    assert [(d["rule"], d["file"].endswith("okrs/q4/finance.yaml")) for d in found] == [("target-moved", True)]
    assert "from 4 to 5" in found[0]["message"]


def test_renamed_and_moved_in_one_commit(repo, capsys):
    text = (repo / FILE).read_text().replace(TARGET, "        target: 5\n")
    (repo / FILE).unlink()
    (repo / "okrs/finance-q4.yaml").write_text(text)
    commit_all(repo, "2026-11-01", "rename and tweak")
    found, _ = _lint(capsys, repo)
    assert [d["rule"] for d in found] == ["target-moved"]


def test_rewritten_and_removed_checkins_are_warnings(repo, capsys):
    add_checkin(repo, "2026-10-12", 6.2)
    add_checkin(repo, "2026-10-19", 6.0)
    commit_all(repo, "2026-10-19", "check-ins")
    edit(repo, FILE, "            value: 6.2\n", "            value: 5.9\n")
    edit(repo, FILE, "          - date: 2026-10-19\n            value: 6.0\n", "")
    edit(repo, FILE, "            confidence: 0.6\n", "            confidence: 0.7\n")  # not a rewrite of the value
    sha = commit_all(repo, "2026-11-02", "better numbers", author="Bo Chen")
    found, result = _lint(capsys, repo)
    assert result.exit_code == 0  # warnings only
    assert [(d["rule"], d["severity"], d["message"]) for d in found] == [
        ("checkin-rewritten", "warning", f"check-in of 2026-10-19 for 'close-time' (value 6) removed or moved to another date in {sha[:7]} (Bo Chen, 2026-11-02), after it was committed"),
        ("checkin-rewritten", "warning", f"check-in of 2026-10-12 for 'close-time' changed from 6.2 to 5.9 in {sha[:7]} (Bo Chen, 2026-11-02), after it was committed"),
    ]
    assert (found[1]["line"], found[1]["column"]) == locate((repo / FILE).read_text(), "5.9")


def test_an_uncommitted_rewrite_is_reported(repo, capsys):
    edit(repo, FILE, "            value: 6.5\n", "            value: 6.4\n")
    found, _ = _lint(capsys, repo)
    assert [d["rule"] for d in found] == ["checkin-rewritten"] and "the working tree (not committed)" in found[0]["message"]


def test_appending_checkins_week_after_week_is_never_a_finding(repo, capsys):
    for day, value in [("2026-10-12", 6.3), ("2026-10-19", 6.1), ("2026-10-26", 5.9), ("2026-11-02", 5.6)]:
        add_checkin(repo, day, value)
        commit_all(repo, day, "weekly check-in")
    assert _lint(capsys, repo)[0] == []


def test_ignored_commits_and_suppressions_silence_them(repo, capsys):
    edit(repo, FILE, TARGET, "        target: 5\n")
    edit(repo, FILE, "            value: 6.5\n", "            value: 6.4\n")
    sha = commit_all(repo, "2026-11-01", "fix")
    assert len(_lint(capsys, repo)[0]) == 2
    (repo / "okr.toml").write_text(f'root = "okrs"\n\n[history]\nignore_commits = ["{sha[:12]}"]\n')
    assert _lint(capsys, repo)[0] == []
    (repo / "okr.toml").write_text('root = "okrs"\n')
    edit(repo, FILE, "        target: 5\n", "        target: 5  # okr: disable-line target-moved -- agreed in the QBR\n")
    assert [d["rule"] for d in _lint(capsys, repo)[0]] == ["checkin-rewritten"]


def test_ignore_and_select(repo, capsys):
    edit(repo, FILE, TARGET, "        target: 5\n")
    commit_all(repo, "2026-11-01", "easier")
    assert _lint(capsys, repo, "--ignore", "target-moved")[0] == []
    assert _lint(capsys, repo, "--select", "kr-task-style")[0] == []
    assert len(_lint(capsys, repo, "--select", "target-moved")[0]) == 1


def test_changed_mode_reports_it_on_the_changed_file(repo, capsys):
    dated_git(repo, "2026-11-01", "checkout", "-q", "-b", "easier-target")
    edit(repo, FILE, TARGET, "        target: 5\n")
    commit_all(repo, "2026-11-01", "easier")
    found, _ = _lint(capsys, repo, "--changed", "--base", "main")
    assert [d["rule"] for d in found] == ["target-moved"]


def test_outside_git_the_rules_say_once_they_need_history(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE, "okrs/2026-Q4/sales.yaml": VALID_FILE.replace("team: finance", "team: sales")})
    found, result = _lint(capsys, repo)
    assert found == [] and result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "need git history" in line]
    assert notes == [f"okr: note: target-moved and checkin-rewritten need git history: {repo.resolve()} is not a git repository; they were skipped"]
    assert "need git history" not in run_cli(capsys, "-C", str(repo), "lint", "--select", "kr-task-style", "--as-of", "2026-11-20").stderr


def test_a_repository_without_commits_has_nothing_to_compare(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    found, result = _lint(capsys, repo)
    assert found == [] and "need git history" not in result.stderr


def test_the_rules_are_documented(capsys):
    for name in ("target-moved", "checkin-rewritten"):
        text = run_cli(capsys, "rules", name).stdout
        assert all(section in text for section in ("What it does", "Why is this bad?", "Example", "Use instead"))
