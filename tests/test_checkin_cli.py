"""okr checkin from the command line: rules, references, values, interactive input, git."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest

from okrcli.usecases.pipeline import load_file
from okrcli.model.numbers import parse_confidence, parse_number
from tests.helpers import VALID_FILE, git, make_git_repo, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
SALES = VALID_FILE.replace("team: finance", "team: sales").replace("id: close-time", "id: cycle-time")


def _values(repo, kr_index=0, path=FILE):
    okr = load_file(repo / path).team_file.okr
    return [(c.date.isoformat(), c.value, c.confidence, c.note) for c in okr.objectives[0].key_results[kr_index].checkins]


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FILE: VALID_FILE, "okrs/2026-Q4/sales.yaml": SALES})


@pytest.mark.parametrize(
    "text,unit,expected",
    [
        ("5.5", None, 5.5), ("12%", "%", 12), ("1,200", None, 1200), ("1.2k", None, 1200), ("$2M", "USD", 2_000_000),
        ("-3", None, -3), ("5.5 days", "days", 5.5), (" 42 ", None, 42), ("0.5", None, 0.5), ("1.5bn", None, 1.5e9),
        ("€300k", None, 300_000), (".75", None, 0.75),
    ],
)
def test_numbers_people_type(text, unit, expected):
    assert parse_number(text, unit) == expected


@pytest.mark.parametrize("text", ["abc", "5.5.5", "1,20", "12 apples", "", "5e3x"])
def test_rejected_numbers_show_an_example(text):
    with pytest.raises(ValueError, match="write it like 5.5, 12%"):
        parse_number(text, "days")


def test_confidence_forms():
    assert parse_confidence("0.6") == 0.6 and parse_confidence("60%") == 0.6
    with pytest.raises(ValueError, match="outside"):
        parse_confidence("6")


def test_full_reference(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance/faster-close/close-time", "--value", "5.5 days",
                     "--confidence", "70%", "--note", "Nov close", "--date", "2026-11-23", "--by", "omar")
    assert result.exit_code == 0, result.stderr
    assert "finance/faster-close/close-time: 5.5 days on 2026-11-23, confidence 0.7" in result.stdout
    assert _values(repo)[-1] == ("2026-11-23", 5.5, 0.7, "Nov close")


def test_short_unique_reference(repo, capsys):
    assert run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "6", "--date", "2026-11-23").exit_code == 0
    assert run_cli(capsys, "-C", str(repo), "checkin", "faster-close/close-time", "--value", "5.9", "--date", "2026-11-24").exit_code == 0
    assert [v[1] for v in _values(repo)][-2:] == [6, 5.9]


def test_ambiguous_reference_lists_candidates(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "recon", "--value", "50", "--date", "2026-11-23")
    assert result.exit_code == 2
    assert "finance/faster-close/recon" in result.stderr and "sales/faster-close/recon" in result.stderr


def test_unknown_reference(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "nope", "--value", "1", "--date", "2026-11-23")
    assert result.exit_code == 2 and "no key result or guardrail matches 'nope'" in result.stderr


def test_same_date_refused_unless_replace(repo, capsys):
    args = ["-C", str(repo), "checkin", "close-time", "--date", "2026-10-05"]
    result = run_cli(capsys, *args, "--value", "6.1")
    assert result.exit_code == 1 and "already has a check-in on 2026-10-05" in result.stderr and "--replace" in result.stderr
    assert run_cli(capsys, *args, "--value", "6.1", "--replace").exit_code == 0
    assert _values(repo) == [("2026-10-05", 6.1, 0.6, None)]  # what was not given again is kept


def test_dates_outside_the_period_or_before_the_last_are_refused(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance/faster-close/close-time", "--value", "6", "--date", "2027-01-04", "--period", "2026-Q4")
    assert result.exit_code == 1 and "outside 2026-Q4 (2026-10-01 to 2026-12-31)" in result.stderr
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "6", "--date", "2026-10-02")
    assert result.exit_code == 1 and "later check-in (2026-10-05)" in result.stderr
    assert len(_values(repo)) == 1


def test_bad_value_and_bad_date(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "five", "--date", "2026-11-23")
    assert result.exit_code == 2 and "write it like 5.5" in result.stderr
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "5", "--date", "23/11/2026")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_no_input_requires_a_value(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--no-input")
    assert result.exit_code == 2 and "--value is required with --no-input" in result.stderr


def test_dry_run_prints_the_diff_and_writes_nothing(repo, capsys):
    before = (repo / FILE).read_text()
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "5", "--date", "2026-11-23", "--dry-run")
    assert result.exit_code == 0
    assert "+          - date: 2026-11-23\n+            value: 5\n" in result.stdout
    assert result.stdout.startswith("--- a/")
    assert (repo / FILE).read_text() == before


def test_broken_file_is_refused_with_its_location(repo, capsys):
    (repo / FILE).write_text(VALID_FILE.replace("target: 4", "target: four"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance/faster-close/close-time", "--value", "5", "--date", "2026-11-23")
    assert result.exit_code == 1 and "finance.yaml:12:17" in result.stderr and "okr validate" in result.stderr


def test_interactive_walk_with_piped_input(repo, capsys, monkeypatch):
    # close-time: 5.8, confidence 60%, a note; recon: skipped; then confirm
    monkeypatch.setattr("sys.stdin", io.StringIO("5.8\n60%\nAP export now hourly\n\ny\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "--team", "finance", "--date", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    assert "[1/2] finance/faster-close/close-time" in result.stdout
    assert "7 → 6.5 → 4 days" in result.stdout
    assert "on a straight line you would be at 5.25 days by 2026-11-23" in result.stdout
    assert "About to write:\n  finance/faster-close/close-time: 5.8 days on 2026-11-23, confidence 0.6" in result.stdout
    assert _values(repo)[-1] == ("2026-11-23", 5.8, 0.6, "AP export now hourly")
    assert _values(repo, 1) == []


def test_interactive_reprompts_on_a_bad_value_and_can_be_declined(repo, capsys, monkeypatch):
    before = (repo / FILE).read_text()
    monkeypatch.setattr("sys.stdin", io.StringIO("lots\n5\n\n\n\nn\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance", "--date", "2026-11-23")
    assert "'lots' is not a number" in result.stdout
    assert "Nothing written." in result.stdout and result.exit_code == 1
    assert (repo / FILE).read_text() == before


def test_interactive_end_of_input_writes_nothing(repo, capsys, monkeypatch):
    before = (repo / FILE).read_text()
    monkeypatch.setattr("sys.stdin", io.StringIO("5\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "finance", "--date", "2026-11-23")
    assert result.exit_code == 130 and (repo / FILE).read_text() == before
    assert result.stderr == "okr: input ended; nothing was written\n"


def test_interactive_filters_by_owner(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n\n\n\n"))
    result = run_cli(capsys, "-C", str(repo), "checkin", "--owner", "nobody", "--date", "2026-11-23")
    assert result.exit_code == 2 and "nothing to check in" in result.stderr


# --- git -------------------------------------------------------------------------------


@pytest.fixture
def git_repo(tmp_path):
    return make_git_repo(tmp_path / "g", {FILE: VALID_FILE, "okrs/2026-Q4/sales.yaml": SALES})


def test_commit_contains_only_the_checked_in_file(git_repo, capsys):
    (git_repo / "notes.txt").write_text("staged, not mine\n")
    git(git_repo, "add", "notes.txt")
    (git_repo / "okrs/2026-Q4/sales.yaml").write_text(SALES + "# unstaged edit\n")
    result = run_cli(capsys, "-C", str(git_repo), "checkin", "finance/faster-close/close-time", "--value", "5.5",
                     "--confidence", "0.7", "--date", "2026-11-23", "--commit")
    assert result.exit_code == 0, result.stderr
    assert "committed" in result.stdout
    assert git(git_repo, "show", "--name-only", "--format=", "HEAD").split() == [FILE]
    message = git(git_repo, "log", "-1", "--format=%B")
    assert message.startswith("okr: check-in finance 2026-Q4\n\n")
    assert "- finance/faster-close/close-time: 5.5 days on 2026-11-23, confidence 0.7" in message
    status = git(git_repo, "status", "--porcelain")
    assert "A  notes.txt" in status and " M okrs/2026-Q4/sales.yaml" in status


def test_commit_on_a_detached_head_warns_that_it_is_on_no_branch(git_repo, capsys):
    on_branch = run_cli(capsys, "-C", str(git_repo), "checkin", "finance/faster-close/close-time", "--value", "5.6",
                        "--date", "2026-11-16", "--commit")
    assert on_branch.exit_code == 0 and "detached" not in on_branch.stderr
    git(git_repo, "checkout", "-q", "--detach")
    result = run_cli(capsys, "-C", str(git_repo), "checkin", "finance/faster-close/close-time", "--value", "5.5",
                     "--date", "2026-11-23", "--commit")
    assert result.exit_code == 0, result.stderr
    assert "committed" in result.stdout
    assert "okr: warning: HEAD is detached" in result.stderr and "git switch -c NAME" in result.stderr
    assert git(git_repo, "log", "-1", "--format=%s").strip() == "okr: check-in finance 2026-Q4"


def test_commit_during_a_stopped_rebase_says_how_to_keep_it(git_repo, capsys):
    (git_repo / "notes.txt").write_text("base\n")
    git(git_repo, "add", "notes.txt")
    git(git_repo, "commit", "-qm", "base")
    main = git(git_repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    git(git_repo, "checkout", "-qb", "feature")
    (git_repo / "notes.txt").write_text("feature\n")
    git(git_repo, "commit", "-qam", "feature")
    git(git_repo, "checkout", "-q", main)
    (git_repo / "notes.txt").write_text("main\n")
    git(git_repo, "commit", "-qam", "main")
    git(git_repo, "checkout", "-q", "feature")
    subprocess.run(["git", "rebase", main], cwd=git_repo, capture_output=True)  # stops on the conflict in notes.txt
    result = run_cli(capsys, "-C", str(git_repo), "checkin", "finance/faster-close/close-time", "--value", "5.5",
                     "--date", "2026-11-23", "--commit")
    assert result.exit_code == 0, result.stderr
    assert "a rebase is under way" in result.stderr and "git rebase --continue" in result.stderr
    assert re.search(r"committed [0-9a-f]{7,10}: ", result.stdout)  # the short id from git's summary line



    (git_repo / FILE).write_text(VALID_FILE + "# my edit\n")
    head = git(git_repo, "rev-parse", "HEAD")
    result = run_cli(capsys, "-C", str(git_repo), "checkin", "close-time", "--value", "5", "--date", "2026-11-23", "--commit")
    assert result.exit_code == 1 and "uncommitted changes" in result.stderr and "--include-dirty" in result.stderr
    assert (git_repo / FILE).read_text() == VALID_FILE + "# my edit\n"
    result = run_cli(capsys, "-C", str(git_repo), "checkin", "close-time", "--value", "5", "--date", "2026-11-23", "--commit", "--include-dirty")
    assert result.exit_code == 0
    assert git(git_repo, "rev-parse", "HEAD") != head
    assert "# my edit" in git(git_repo, "show", f"HEAD:{FILE}")


def test_commit_default_comes_from_okr_toml(tmp_path, capsys):
    repo = make_git_repo(tmp_path / "g", {FILE: VALID_FILE}, config="[checkin]\ncommit = true\n")
    assert run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "5", "--date", "2026-11-23").exit_code == 0
    assert git(repo, "log", "-1", "--format=%s").strip() == "okr: check-in finance 2026-Q4"
    assert run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "4.9", "--date", "2026-11-24", "--no-commit").exit_code == 0
    assert git(repo, "log", "-1", "--format=%s").strip() == "okr: check-in finance 2026-Q4"
    assert "M " in git(repo, "status", "--porcelain")


def test_commit_outside_git_writes_and_says_so(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "checkin", "close-time", "--value", "5", "--date", "2026-11-23", "--commit")
    assert result.exit_code == 0
    assert "not a git repository: the file was written, nothing was committed" in result.stdout
    assert _values(repo)[-1][1] == 5


def test_guardrail_checkin(tmp_path, capsys):
    text = VALID_FILE + "guardrails:\n  - id: complaints\n    title: Complaint rate stays below 2%\n    unit: '%'\n    threshold: 2\n    must_stay: below\n"
    repo = make_repo(tmp_path / "r", {FILE: text})
    assert run_cli(capsys, "-C", str(repo), "checkin", "complaints", "--value", "1.4%", "--date", "2026-11-23").exit_code == 0
    okr = load_file(repo / FILE).team_file.okr
    assert okr.guardrails[0].checkins[0].value == 1.4
    data = json.loads(run_cli(capsys, "-C", str(repo), "score", "--as-of", "2026-11-23", "--format", "json").stdout)
    assert data["teams"][0]["guardrails"][0]["status"] == "ok"
