"""okr rebaseline: the value and its record, only those lines changed; refusals; git; scores as of a day."""

from __future__ import annotations

import json

import pytest

from okrcli.model.okrfile import json_schema
from okrcli.usecases.pipeline import load_file
from tests.helpers import VALID_FILE, git, make_git_repo, make_repo, run_cli

FILE = "okrs/2026-Q4/finance.yaml"
REF = "finance/faster-close/close-time"
GUARDED = VALID_FILE + """guardrails:
  - id: complaint-rate
    title: Complaint rate stays below 2%
    threshold: 2
    must_stay: below
"""


def _kr(repo, path=FILE):
    return load_file(repo / path).team_file.okr.objectives[0].key_results[0]


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "r", {FILE: VALID_FILE})


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib

    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_changes_the_value_and_appends_the_record_and_nothing_else(repo, capsys):
    before = (repo / FILE).read_text()
    result = run_cli(capsys, "-C", str(repo), "rebaseline", REF, "--target", "4.5 days", "--reason",
                     "ERP migration moved to January", "--date", "2026-11-03", "--by", "omar")
    assert result.exit_code == 0, result.stderr
    assert f"{REF}: target 4 days -> 4.5 days from 2026-11-03 -> " in result.stdout and result.stdout.strip().endswith(FILE)
    removed, added = _changed_lines(before, (repo / FILE).read_text())
    assert removed == ["        target: 4"]
    assert added == [
        "        target: 4.5",
        "        rebaselines:",
        "          - date: 2026-11-03",
        "            field: target",
        "            old: 4",
        "            new: 4.5",
        "            reason: ERP migration moved to January",
        "            by: omar",
    ]
    kr = _kr(repo)
    assert kr.target == 4.5 and [(r.field, r.old, r.new, r.reason) for r in kr.rebaselines] == [
        ("target", 4, 4.5, "ERP migration moved to January")
    ]


def test_a_second_record_follows_the_first_and_dates_stay_in_order(repo, capsys):
    base = ["-C", str(repo), "rebaseline", "close-time"]
    assert run_cli(capsys, *base, "--target", "4.5", "--reason", "a", "--date", "2026-11-03").exit_code == 0
    late = run_cli(capsys, *base, "--baseline", "7.5", "--reason", "re-measured", "--date", "2026-11-01")
    assert late.exit_code == 1 and "later re-baseline (2026-11-03)" in late.stderr
    assert run_cli(capsys, *base, "--baseline", "7.5", "--reason", "re-measured", "--date", "2026-11-10").exit_code == 0
    kr = _kr(repo)
    assert (kr.baseline, kr.target) == (7.5, 4.5)
    assert [(r.date.isoformat(), r.field, r.old, r.new) for r in kr.rebaselines] == [
        ("2026-11-03", "target", 4, 4.5), ("2026-11-10", "baseline", 7, 7.5)
    ]


def test_flow_style_key_result(tmp_path, capsys):
    text = VALID_FILE.replace(
        "      - id: recon\n        title: Reduce unreconciled items from 120 to 30\n        baseline: 120\n        target: 30\n        unit: items\n",
        "      - {id: recon, title: Reduce unreconciled items from 120 to 30, baseline: 120, target: 30}  # flow\n",
    )
    repo = make_repo(tmp_path, {FILE: text})
    result = run_cli(capsys, "-C", str(repo), "rebaseline", "recon", "--target", "40", "--reason", "new bank", "--date", "2026-11-03")
    assert result.exit_code == 0, result.stderr
    assert "baseline: 120, target: 40, rebaselines: [{date: 2026-11-03, field: target, old: 30, new: 40, reason: new bank}]}  # flow" in (
        repo / FILE
    ).read_text()


def test_dry_run_prints_the_diff_and_writes_nothing(repo, capsys):
    before = (repo / FILE).read_text()
    result = run_cli(capsys, "-C", str(repo), "rebaseline", REF, "--target", "4.5", "--reason", "why", "--date", "2026-11-03", "--dry-run")
    assert result.exit_code == 0 and "-        target: 4\n+        target: 4.5" in result.stdout
    assert "dry run: nothing was written" in result.stderr
    assert (repo / FILE).read_text() == before


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["--reason", "x"], 2, "exactly one of --target and --baseline"),
        (["--target", "5", "--baseline", "6", "--reason", "x"], 2, "exactly one of --target and --baseline"),
        (["--target", "5"], 2, "--reason is required"),
        (["--target", "5", "--reason", "  "], 2, "--reason is required"),
        (["--target", "five", "--reason", "x"], 2, "--target"),
        (["--target", "5", "--reason", "x", "--date", "2026-13-01"], 2, "is not a date"),
        (["--target", "4", "--reason", "x"], 1, "target is already 4"),
        (["--target", "7", "--reason", "x"], 1, "would equal its baseline"),
        (["--target", "5", "--reason", "x", "--date", "2027-01-05", "--period", "2026-Q4"], 1, "outside 2026-Q4"),
        (["--target", "5", "--reason", "ERP\x1b[2J moved"], 2, "--reason contains U+001B (ESC)"),
        (["--target", "5", "--reason", "two\nlines"], 2, "--reason contains a line break"),
        (["--target", "5", "--reason", "x", "--by", "a\x07b"], 2, "--by contains U+0007"),
        (["--target", "5", "--reason", "\u200b"], 2, "--reason is required"),
        (["--target", "5", "--reason", "x", "--by", " "], 2, "--by is empty"),
    ],
)
def test_refusals(repo, capsys, args, code, message):
    before = (repo / FILE).read_text()
    dated = args if "--date" in args else [*args, "--date", "2026-11-03"]
    result = run_cli(capsys, "-C", str(repo), "rebaseline", REF, *dated)
    assert result.exit_code == code and message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("okr: error: ")
    assert (repo / FILE).read_text() == before


def test_before_the_period_starts_is_planning(repo, capsys):
    result = run_cli(capsys, "-C", str(repo), "rebaseline", REF, "--target", "5", "--reason", "x", "--date", "2026-09-20", "--period", "2026-Q4")
    assert result.exit_code == 1 and "edit the value directly: that is planning" in result.stderr


def test_a_guardrail_has_no_target(tmp_path, capsys):
    repo = make_repo(tmp_path, {FILE: GUARDED})
    result = run_cli(capsys, "-C", str(repo), "rebaseline", "finance/complaint-rate", "--target", "3", "--reason", "x", "--date", "2026-11-03")
    assert result.exit_code == 1 and "only key results have a baseline and a target" in result.stderr


def test_commit_contains_only_that_file_with_the_reason(tmp_path, capsys):
    repo = make_git_repo(tmp_path, {FILE: VALID_FILE, "okrs/2026-Q4/sales.yaml": VALID_FILE.replace("team: finance", "team: sales")})
    (repo / "okrs/2026-Q4/sales.yaml").write_text(VALID_FILE.replace("team: finance", "team: sales") + "# edited\n")
    result = run_cli(capsys, "-C", str(repo), "rebaseline", REF, "--target", "4.5", "--reason", "ERP moved", "--date", "2026-11-03", "--commit")
    assert result.exit_code == 0, result.stderr
    assert "committed " in result.stdout
    assert git(repo, "show", "--name-only", "--format=%B", "HEAD").split() == [
        "okr:", "rebaseline", REF, "target", "4", "days", "->", "4.5", "days", "from", "2026-11-03", "ERP", "moved", FILE,
    ]
    assert git(repo, "status", "--porcelain").strip() == "M okrs/2026-Q4/sales.yaml"


def test_commit_refused_when_the_file_is_dirty(tmp_path, capsys):
    repo = make_git_repo(tmp_path, {FILE: VALID_FILE})
    (repo / FILE).write_text(VALID_FILE + "# mine\n")
    args = ["-C", str(repo), "rebaseline", REF, "--target", "4.5", "--reason", "x", "--date", "2026-11-03", "--commit"]
    result = run_cli(capsys, *args)
    assert result.exit_code == 1 and "has uncommitted changes" in result.stderr and "--include-dirty" in result.stderr
    assert run_cli(capsys, *args, "--include-dirty").exit_code == 0
    assert git(repo, "status", "--porcelain").strip() == ""


def test_scores_use_the_values_in_force_on_the_day(repo, capsys):
    assert run_cli(capsys, "-C", str(repo), "rebaseline", REF, "--target", "5", "--reason", "why", "--date", "2026-11-03").exit_code == 0

    def score(day):
        data = json.loads(run_cli(capsys, "-C", str(repo), "score", REF, "--as-of", day, "--format", "json").stdout)
        kr = data["teams"][0]["objectives"][0]["key_results"][0]
        return kr["target"], kr["score"]

    assert score("2026-11-02") == (4, pytest.approx((6.5 - 7) / (4 - 7), abs=1e-4))  # before the re-baseline: the old target
    assert score("2026-11-03") == (5, pytest.approx((6.5 - 7) / (5 - 7), abs=1e-4))
    explained = run_cli(capsys, "-C", str(repo), "score", REF, "--as-of", "2026-11-02", "--explain").stdout
    assert "target re-baselined from 4 to 5 on 2026-11-03 (why): not yet in force on 2026-11-02" in explained
    assert "in force on 2026-11-02: baseline 7, target 4" in explained


def test_the_schema_describes_the_record():
    record = json_schema()["definitions"]["Rebaseline"]
    assert set(record["required"]) == {"date", "field", "old", "new", "reason"}
    assert record["properties"]["field"]["enum"] == ["baseline", "target"]
    assert json_schema()["definitions"]["KeyResult"]["properties"]["rebaselines"]["items"] == {"$ref": "#/definitions/Rebaseline"}
