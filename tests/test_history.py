"""okr history: a key result's story from git repositories with dated commits."""

from __future__ import annotations

import json
import subprocess

import pytest

from okrcli.model.history import KINDS
from tests.helpers import VALID_FILE, make_repo, run_cli
from tests.history_helpers import FILE, REF, add_checkin, commit_all, dated_git, dated_repo, edit


def _events(capsys, repo, *args):
    result = run_cli(capsys, "-C", str(repo), "history", REF, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def story(tmp_path):
    """Planned in September, two weekly check-ins, a title edit, a moved target, a rewritten and a removed check-in."""
    repo = dated_repo(tmp_path / "r")
    add_checkin(repo, "2026-10-12", 6.2)
    commit_all(repo, "2026-10-12", "check-in", author="Omar Haddad")
    add_checkin(repo, "2026-10-19", 6.0)
    commit_all(repo, "2026-10-19", "check-in", author="Omar Haddad")
    edit(repo, FILE, "        target: 4\n", "        target: 5\n")
    edit(repo, FILE, "owner: omar", "owner: ana")
    commit_all(repo, "2026-10-21", "easier", author="Bo Chen")
    edit(repo, FILE, "            value: 6.2\n", "            value: 6.1\n")
    edit(repo, FILE, "          - date: 2026-10-19\n            value: 6.0\n", "")
    commit_all(repo, "2026-10-22", "tidy", author="Bo Chen")
    return repo


def test_every_kind_of_event_oldest_first_with_commit_date_and_author(story, capsys):
    events = _events(capsys, story, "--period", "2026-Q4")
    assert [(e["date"], e["author"], e["kind"], e.get("field")) for e in events] == [
        ("2026-09-20", "Ana Ruiz", "created", None),
        ("2026-10-12", "Omar Haddad", "checkin-added", None),
        ("2026-10-19", "Omar Haddad", "checkin-added", None),
        ("2026-10-21", "Bo Chen", "changed", "target"),
        ("2026-10-21", "Bo Chen", "changed", "owner"),
        ("2026-10-22", "Bo Chen", "checkin-changed", None),
        ("2026-10-22", "Bo Chen", "checkin-removed", None),
    ]
    assert all({"commit", "date", "author", "kind"} <= set(e) and e["kind"] in KINDS for e in events)
    assert all(len(e["commit"]) == 40 for e in events)
    moved = events[3]
    assert (moved["old"], moved["new"]) == (4, 5)
    assert events[5]["previous"]["value"] == 6.2 and events[5]["checkin"] == {"date": "2026-10-12", "value": 6.1}
    assert events[6]["checkin"] == {"date": "2026-10-19", "value": 6}
    assert events[0]["values"]["target"] == 4 and events[0]["values"]["owner"] == "omar"


def test_a_rebaseline_is_an_event_with_its_reason(story, capsys):
    env_day = "2026-11-02"
    result = run_cli(capsys, "-C", str(story), "rebaseline", REF, "--target", "4.5", "--reason", "ERP moved", "--date", "2026-11-02")
    assert result.exit_code == 0, result.stderr
    commit_all(story, env_day, "rebaseline", author="Omar Haddad")
    last = _events(capsys, story, "--period", "2026-Q4")[-1]
    assert {k: last[k] for k in ("kind", "field", "old", "new", "reason", "effective", "author")} == {
        "kind": "rebaselined", "field": "target", "old": 5, "new": 4.5, "reason": "ERP moved",
        "effective": "2026-11-02", "author": "Omar Haddad",
    }


def test_uncommitted_changes_come_last_without_a_commit(story, capsys):
    add_checkin(story, "2026-10-26", 5.8)
    last = _events(capsys, story, "--period", "2026-Q4")[-1]
    assert last["commit"] is None and last["author"] is None and last["kind"] == "checkin-added"
    text = run_cli(capsys, "-C", str(story), "history", REF, "--period", "2026-Q4").stdout.splitlines()
    assert "uncommitted" in text[-1] and "check-in added: 2026-10-26: 5.8 days" in text[-1]


def test_text_names_the_key_result_and_each_change(story, capsys):
    lines = run_cli(capsys, "-C", str(story), "history", REF, "--period", "2026-Q4").stdout.splitlines()
    assert lines[0] == f"{REF} (okrs/2026-Q4/finance.yaml)"
    assert lines[1].startswith("2026-09-20  ") and "Ana Ruiz" in lines[1] and "created: 7 days -> 4 days, owner omar" in lines[1]
    assert any("changed target: 4 days -> 5 days" in line and "Bo Chen" in line for line in lines)
    assert any("check-in 2026-10-12 changed: 6.2 days -> 6.1 days" in line for line in lines)


def test_a_file_moved_between_folders_keeps_its_history(story, capsys):
    (story / "okrs/q4").mkdir()
    dated_git(story, "2026-10-25", "mv", FILE, "okrs/q4/finance.yaml")
    commit_all(story, "2026-10-25", "move")
    events = _events(capsys, story, "--period", "2026-Q4")
    assert events[0]["date"] == "2026-09-20" and events[0]["kind"] == "created"
    assert len(events) == 7  # the move itself changes no key result


def test_history_of_another_period_and_the_period_prefix(story, capsys):
    q3 = VALID_FILE.replace("period: 2026-Q4", "period: 2026-Q3").replace("2026-10-05", "2026-07-06")
    (story / "okrs/2026-Q3").mkdir()
    (story / "okrs/2026-Q3/finance.yaml").write_text(q3)
    commit_all(story, "2026-10-23", "Q3 for the record")
    result = run_cli(capsys, "-C", str(story), "history", f"2026-Q3:{REF}", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [e["kind"] for e in json.loads(result.stdout)] == ["created"]


def test_new_commits_after_a_cached_run_are_read(story, capsys):
    assert len(_events(capsys, story, "--period", "2026-Q4")) == 7
    add_checkin(story, "2026-10-26", 5.8)
    commit_all(story, "2026-10-26", "check-in")
    events = _events(capsys, story, "--period", "2026-Q4")
    assert len(events) == 8 and events[-1]["date"] == "2026-10-26" and events[-1]["commit"]


def test_ignored_commits_are_marked(story, capsys):
    sha = subprocess.run(["git", "log", "--format=%H", "-1", "--", FILE], cwd=story, capture_output=True, text=True).stdout.strip()
    (story / "okr.toml").write_text(f'root = "okrs"\n[history]\nignore_commits = ["{sha[:10]}"]\n')
    events = _events(capsys, story, "--period", "2026-Q4")
    assert [e.get("ignored", False) for e in events] == [False] * 5 + [True, True]
    assert "[ignored: [history] ignore_commits]" in run_cli(capsys, "-C", str(story), "history", REF, "--period", "2026-Q4").stdout


def test_outside_git_it_says_it_needs_git(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    result = run_cli(capsys, "-C", str(repo), "history", REF, "--period", "2026-Q4")
    assert result.exit_code == 1 and "okr history needs git" in result.stderr and "not a git repository" in result.stderr


def test_a_key_result_never_committed_has_no_history_yet(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: VALID_FILE})
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    result = run_cli(capsys, "-C", str(repo), "history", REF, "--period", "2026-Q4", "--format", "json")
    assert result.exit_code == 0 and [e["kind"] for e in json.loads(result.stdout)] == ["created"]
    assert json.loads(result.stdout)[0]["commit"] is None


@pytest.mark.parametrize("ref,message", [("nothing/here/at-all", "no key result or guardrail matches"), ("finance/nothing", "no key result")])
def test_unknown_references_are_usage_errors(story, capsys, ref, message):
    result = run_cli(capsys, "-C", str(story), "history", ref, "--period", "2026-Q4")
    assert result.exit_code == 2 and message in result.stderr
