"""okr pull end to end: real processes, real files, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from okrcli.usecases.pipeline import load_file
from tests.helpers import git, run_cli
from tests.pull_support import FILE, TEAM, TOKEN, MetricsServer, make_sources_repo, only_inserted

DAY = "2026-11-20"


@pytest.fixture
def server():
    with MetricsServer() as running:
        yield running


@pytest.fixture
def repo(tmp_path, server, monkeypatch):
    monkeypatch.setenv("OKR_TEST_TOKEN", TOKEN)
    return make_sources_repo(tmp_path / "r", server.port)


def _latest(repo, objective: int, kr: int):
    okr = load_file(repo / FILE).team_file.okr
    return okr.objectives[objective].key_results[kr].checkins[-1]


def test_every_kind_of_source_is_written_as_a_checkin_that_names_it(repo, server, capsys):
    before = (repo / FILE).read_text()
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (_latest(repo, 0, 0).value, _latest(repo, 0, 0).source) == (1_400_000, "arr")  # a command printing $1.4M
    assert (_latest(repo, 0, 1).value, _latest(repo, 0, 1).source) == (74.5, "kpis")  # JSON file, pointer
    assert (_latest(repo, 1, 0).value, _latest(repo, 1, 0).source) == (35.5, "export")  # CSV, column and row
    assert (_latest(repo, 1, 1).value, _latest(repo, 1, 1).source) == (312, "api")  # HTTP, Prometheus-style
    assert server.received[-1]["authorization"] == f"Bearer {TOKEN}"
    assert "growth/revenue/csat" in result.stdout and "71 -> 74.5" in result.stdout
    assert "score 0.10 -> 0.45 (+0.35)" in result.stdout
    assert TOKEN not in result.stdout + result.stderr
    added = only_inserted(before, (repo / FILE).read_text())
    assert "".join(added).count("source:") == 4
    assert all(line.strip().startswith(("- date:", "value:", "source:", "- {date:", "checkins:")) for line in added)


def test_every_write_leaves_the_rest_of_the_file_byte_identical(repo, capsys):
    path = repo / FILE
    path.write_bytes(TEAM.replace("\n", "\r\n").encode())
    before = path.read_bytes()
    assert run_cli(capsys, "-C", str(repo), "pull", "--date", DAY).exit_code == 0
    after = path.read_bytes()
    added = only_inserted(before.decode(), after.decode())
    assert added and all(line.endswith("\r\n") for line in added)
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_a_second_run_changes_nothing(repo, capsys):
    assert run_cli(capsys, "-C", str(repo), "pull", "--date", DAY).exit_code == 0
    written = (repo / FILE).read_bytes()
    again = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--format", "json")
    assert again.exit_code == 0
    assert (repo / FILE).read_bytes() == written
    data = json.loads(again.stdout)
    assert {kr["status"] for kr in data["key_results"]} == {"unchanged"}
    assert data["files"] == [] and data["failures"] == []


def test_dry_run_shows_the_diff_and_writes_nothing(repo, capsys):
    before = (repo / FILE).read_bytes()
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--dry-run")
    assert result.exit_code == 0
    assert (repo / FILE).read_bytes() == before
    assert "dry run" in result.stdout and "would write 4 check-ins" in result.stdout
    assert "+          - {date: 2026-11-20, value: 74.5, source: kpis}" in result.stdout


def test_a_failing_source_is_reported_and_the_others_are_still_written(repo, capsys):
    (repo / "scripts/arr.py").write_text("import sys\nsys.stderr.write('billing database is down\\n')\nsys.exit(3)\n")
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    [failure] = data["failures"]
    assert failure["source"] == "arr" and failure["key_results"] == ["growth/revenue/arr"]
    assert "exited with status 3: billing database is down" in failure["problem"]
    statuses = {kr["ref"]: kr["status"] for kr in data["key_results"]}
    assert statuses == {
        "growth/revenue/arr": "failed", "growth/revenue/csat": "written", "growth/reach/nps": "written", "growth/reach/signups": "written",
    }
    assert _latest(repo, 0, 1).value == 74.5
    text = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY)
    assert text.exit_code == 1
    assert "source 'arr' (command " in text.stdout and "feeds growth/revenue/arr" in text.stdout


def test_no_number_at_the_pointer_names_what_was_there(repo, capsys):
    (repo / "metrics/kpis.json").write_text('{"csat": {"score": 74}}')
    result = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue", "--date", DAY)
    assert result.exit_code == 1
    assert "no value at /csat/value: /csat has no key 'value' (keys: score)" in result.stdout


def test_a_value_far_outside_the_key_results_range_is_not_written(repo, capsys):
    (repo / "metrics/kpis.json").write_text('{"csat": {"value": 7450}}')
    result = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue/csat", "--date", DAY)
    assert result.exit_code == 1
    assert "7450 is far outside the key result's range (70 to 80)" in result.stdout
    assert _latest(repo, 0, 1).value == 71


def test_a_different_value_on_a_recorded_date_needs_replace_and_keeps_what_people_added(repo, capsys):
    (repo / FILE).write_text(TEAM.replace("{date: 2026-10-05, value: 71, confidence: 0.6}", "{date: 2026-11-20, value: 71, confidence: 0.6}"))
    refused = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue/csat", "--date", DAY)
    assert refused.exit_code == 1 and "already has a check-in on 2026-11-20" in refused.stdout and "--replace" in refused.stdout
    assert _latest(repo, 0, 1).value == 71
    replaced = run_cli(capsys, "-C", str(repo), "pull", "growth/revenue/csat", "--date", DAY, "--replace")
    assert replaced.exit_code == 0, replaced.stdout
    latest = _latest(repo, 0, 1)
    assert (latest.value, latest.confidence, latest.source) == (74.5, 0.6, "kpis")


def test_commit_makes_one_commit_of_the_changed_files_listing_the_key_results(tmp_path, server, monkeypatch, capsys):
    monkeypatch.setenv("OKR_TEST_TOKEN", TOKEN)
    repo = make_sources_repo(tmp_path / "g", server.port)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    (repo / "notes.txt").write_text("work in progress\n")
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--commit")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "2"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [FILE]
    message = git(repo, "log", "-1", "--format=%B")
    assert message.startswith(f"okr: pull {DAY}\n")
    for ref in ("growth/revenue/arr", "growth/revenue/csat", "growth/reach/nps", "growth/reach/signups"):
        assert ref in message
    assert "committed " in result.stdout
    assert git(repo, "status", "--porcelain").strip() == "?? notes.txt"
    again = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--commit")
    assert again.exit_code == 0 and git(repo, "rev-list", "--count", "HEAD").strip() == "2"


def test_a_prefix_that_matches_nothing_is_a_usage_error(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "pull", "nobody", "--date", DAY)
    assert result.exit_code == 2 and "no key result matches 'nobody'" in result.stderr


def test_nothing_to_pull_is_success(tmp_path, capsys):
    repo = make_sources_repo(tmp_path / "r", 9, team=TEAM.replace("source:", "# source:"))
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY)
    assert result.exit_code == 0 and "no key result here names a source" in result.stdout


def test_json_output_keeps_its_keys(repo, capsys):
    data = json.loads(run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--format", "json").stdout)
    assert set(data) == {"date", "dry_run", "key_results", "failures", "files", "commit", "not_committed", "on_no_branch", "skipped_files"}
    assert set(data["key_results"][0]) == {
        "ref", "source", "file", "status", "unit", "old", "new", "old_score", "new_score", "problem",
    }
    assert data["files"][0]["path"].endswith(FILE)


def test_the_acme_example_pulls_its_kpis_file(tmp_path, capsys):
    from tests.helpers import copy_acme

    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/people.yaml"
    before = path.read_text()
    dry = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--dry-run")
    assert dry.exit_code == 0 and "would write 2 check-ins" in dry.stdout and path.read_text() == before
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY)
    assert result.exit_code == 0
    added = "".join(only_inserted(before, path.read_text()))
    assert "value: 21.8" in added and "value: 39.5" in added and added.count("source: kpis") == 2
    assert run_cli(capsys, "-C", str(repo), "validate").exit_code == 0


def test_a_file_with_errors_fails_the_run_so_a_nightly_job_notices(repo, capsys):
    path = repo / FILE
    path.write_text(path.read_text() + "<<<<<<< HEAD\n")
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--format", "json")
    assert result.exit_code == 1
    assert [p.endswith(FILE) for p in json.loads(result.stdout)["skipped_files"]] == [True]


def test_a_broken_file_of_another_quarter_does_not_fail_the_run(repo, capsys):
    # a flat layout (no period folders), where every file is a candidate
    current = repo / FILE
    flat = repo / "okrs" / f"{current.stem}-q4.yaml"
    flat.write_text(current.read_text())
    current.unlink()
    current.parent.rmdir()
    old = flat.read_text().replace("period: 2026-Q4", "period: 2026-Q3").replace("        target:", "        targte:", 1)
    (repo / "okrs/old-q3.yaml").write_text(old)
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--dry-run", "--format", "json")
    assert json.loads(result.stdout)["skipped_files"] == [] and result.exit_code == 0, result.stdout
    broken_now = flat.read_text().replace("        target:", "        targte:", 1)
    flat.write_text(broken_now)  # a broken file of this quarter still fails the run
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--dry-run", "--format", "json")
    assert result.exit_code in (1, 2) and "q4.yaml" in result.stdout + result.stderr


def test_a_second_file_for_a_team_is_skipped_not_written_twice(repo, capsys):
    (repo / FILE).with_name("growth-copy.yaml").write_text((repo / FILE).read_text())
    result = run_cli(capsys, "-C", str(repo), "pull", "--date", DAY, "--dry-run", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and [p.endswith("growth-copy.yaml") for p in data["skipped_files"]] == [True]
    refs = [item["ref"] for item in data["key_results"]]
    assert len(refs) == len(set(refs)) and all(not f["path"].endswith("growth-copy.yaml") for f in data["files"])
