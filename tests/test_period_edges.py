"""Periods and days at the edges of the calendar: nothing okr computes from a period may overflow.

A period whose dates cannot exist (year 0000; 9999-Q4, whose next period would begin in
year 10000) is a located ``bad-period`` error in the file and a usage error on the command
line; days and custom ``start``/``end`` at the first and last day a date can have work.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import VALID_FILE, copy_acme, locate, make_repo, run_cli

UNUSABLE = ["9999-Q4", "9999-H2", "9999", "0000", "0000-Q1"]
COMMANDS = [
    ["validate"],
    ["lint"],
    ["score"],
    ["score", "--format", "json"],
    ["report", "--format", "json"],
    ["report", "--no-pager"],
    ["tree"],
]


def _assert_clean(result) -> None:
    assert "Traceback" not in result.stderr and "ValueError" not in result.stderr + result.stdout


@pytest.mark.parametrize("period", UNUSABLE)
def test_a_file_with_an_unusable_period_is_a_located_error_and_crashes_nothing(tmp_path, capsys, period):
    text = VALID_FILE.replace("period: 2026-Q4", f'period: "{period}"')
    repo = make_repo(tmp_path, {f"okrs/{period}/finance.yaml": text, "okrs/2026-Q4/sales.yaml": VALID_FILE.replace("finance", "sales")})
    found = json.loads(run_cli(capsys, "-C", str(repo), "validate", "--format", "json").stdout)
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [("bad-period", *locate(text, f'"{period}"'))]
    assert "cannot use" in found[0]["message"]
    for command in COMMANDS:
        result = run_cli(capsys, "-C", str(repo), *command)
        _assert_clean(result)
        assert result.exit_code in (0, 1), (command, result.stderr)


def test_a_folder_named_like_an_unusable_period_is_not_a_period_folder(tmp_path, capsys):
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": VALID_FILE, "okrs/0000-Q1/notes.yaml": VALID_FILE.replace("finance", "ops")})
    for command in COMMANDS:
        _assert_clean(run_cli(capsys, "-C", str(repo), *command, *(["--as-of", "2026-11-20"] if command[0] != "validate" else [])))


@pytest.mark.parametrize("period", ["9999-Q4", "0000", "2026-Q5"])
@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["report"],
        ["tree"],
        ["checkin", "finance/faster-close/close-time", "--value", "5", "--dry-run"],
        ["rebaseline", "finance/faster-close/close-time", "--target", "3", "--reason", "new data", "--dry-run"],
        ["draft", "--team", "ops", "--objective", "Grow", "--type", "committed", "--kr", "Raise a from 1 to 2", "--kr", "Raise b from 1 to 2"],
    ],
)
def test_every_period_option_refuses_an_unusable_period(tmp_path, capsys, command, period):
    repo = copy_acme(tmp_path / "acme")
    result = run_cli(capsys, "-C", str(repo), *command, "--period", period)
    assert result.exit_code == 2
    assert f"'{period}' is not a period okr can use" in result.stderr
    _assert_clean(result)
    assert not (repo / "okrs" / period).exists()


def test_draft_refuses_an_unusable_period_to_carry_over_into(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    result = run_cli(capsys, "-C", str(repo), "draft", "--team", "sales", "--carry-over", "--from-period", "9999-Q4")
    assert result.exit_code == 2
    assert "10000-Q1" in result.stderr


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize(
    "command",
    [
        ["score"], ["score", "--format", "json"], ["score", "--explain"], ["report", "--no-pager"],
        ["report", "--format", "json"], ["report", "--format", "markdown"], ["report", "--format", "html"], ["tree"], ["lint"],
    ],
)
def test_as_of_at_the_edges_of_the_calendar(tmp_path, capsys, command, day):
    repo = copy_acme(tmp_path / "acme")
    result = run_cli(capsys, "-C", str(repo), *command, "--as-of", day)
    _assert_clean(result)
    assert result.exit_code in (0, 1)


def test_start_and_end_at_the_edges_of_the_calendar(tmp_path, capsys):
    text = VALID_FILE.replace("period: 2026-Q4\n", "period: 2026-Q4\nstart: 0001-01-01\nend: 9999-12-31\n")
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": text})
    assert run_cli(capsys, "-C", str(repo), "validate").exit_code == 0
    for day in ("0001-01-01", "2026-11-20", "9999-12-31"):
        for command in (["score", "--format", "json"], ["report", "--format", "json"], ["report", "--format", "html"], ["score", "--explain"]):
            result = run_cli(capsys, "-C", str(repo), *command, "--period", "2026-Q4", "--as-of", day)
            _assert_clean(result)
            assert result.exit_code == 0, (command, day, result.stderr)


@pytest.mark.parametrize(
    "dates,needle",
    [
        ("start: 2027-01-05\n", "2027-01-05"),  # starts after the quarter's own end
        ("end: 2026-09-30\n", "2026-09-30"),  # ends before the quarter's own start
        ("start: 2026-12-01\nend: 2026-11-01\n", "2026-11-01"),
    ],
)
def test_a_period_that_ends_before_it_starts_is_a_located_error(tmp_path, capsys, dates, needle):
    text = VALID_FILE.replace("period: 2026-Q4\n", "period: 2026-Q4\n" + dates)
    repo = make_repo(tmp_path, {"okrs/2026-Q4/finance.yaml": text})
    found = json.loads(run_cli(capsys, "-C", str(repo), "validate", "--format", "json").stdout)
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [("bad-date", *locate(text, needle))]
