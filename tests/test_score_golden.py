"""okr score on examples/acme at fixed dates, against golden files (width 100, no colour)."""

from __future__ import annotations

import json

import pytest

from tests.golden_util import assert_golden
from tests.helpers import ACME, run_cli

DATES = {
    "start": "2026-10-01",
    "mid": "2026-11-20",
    "end": "2026-12-31",
    "after": "2027-01-20",
}


@pytest.mark.parametrize("moment", list(DATES))
@pytest.mark.parametrize("fmt,ext", [("table", "txt"), ("json", "json"), ("csv", "csv")])
def test_score_q4(capsys, moment, fmt, ext):
    result = run_cli(capsys, "-C", str(ACME), "score", "--period", "2026-Q4", "--as-of", DATES[moment], "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert_golden(f"score/q4-{moment}.{ext}", result.stdout)


def test_score_finished_quarter_markdown_and_explain(capsys):
    for fmt in ("markdown", "json"):
        result = run_cli(capsys, "-C", str(ACME), "score", "--period", "2026-Q3", "--as-of", "2026-11-20", "--format", fmt)
        assert_golden(f"score/q3-final.{'md' if fmt == 'markdown' else 'json'}", result.stdout)
    result = run_cli(capsys, "-C", str(ACME), "score", "finance", "--period", "2026-Q4", "--as-of", "2026-11-20", "--explain")
    assert_golden("score/q4-finance-explain.txt", result.stdout)


def test_tree(capsys):
    result = run_cli(capsys, "-C", str(ACME), "score", "--tree", "--as-of", "2026-11-20")
    assert_golden("score/q4-tree.txt", result.stdout)


def test_json_contract_keys(capsys):
    data = json.loads(run_cli(capsys, "-C", str(ACME), "score", "--as-of", "2026-11-20", "--format", "json").stdout)
    assert {"period", "as_of", "score", "teams"} <= set(data)
    team = data["teams"][0]
    assert {"team", "score", "objectives", "guardrails"} <= set(team)
    objective = team["objectives"][0]
    assert {"ref", "title", "type", "score", "grade", "status", "aligns_to", "key_results"} <= set(objective)
    kr_keys = {"ref", "title", "baseline", "target", "unit", "current", "score", "confidence", "expected", "forecast", "status", "last_checkin"}
    assert all(kr_keys <= set(kr) for t in data["teams"] for o in t["objectives"] for kr in o["key_results"])
    guardrails = [g for t in data["teams"] for g in t["guardrails"]]
    assert guardrails and all({"ref", "value", "threshold", "must_stay", "status"} <= set(g) for g in guardrails)


def test_default_period_is_the_one_containing_as_of(capsys):
    data = json.loads(run_cli(capsys, "-C", str(ACME), "score", "--as-of", "2026-08-01", "--format", "json").stdout)
    assert data["period"] == "2026-Q3"


def test_prefix_filters(capsys):
    data = json.loads(
        run_cli(capsys, "-C", str(ACME), "score", "finance/faster-close/close-time", "--as-of", "2026-11-20", "--format", "json").stdout
    )
    assert [kr["ref"] for t in data["teams"] for o in t["objectives"] for kr in o["key_results"]] == [
        "finance/faster-close/close-time"
    ]
    assert run_cli(capsys, "-C", str(ACME), "score", "nobody").exit_code == 2


def test_bad_options(capsys):
    assert run_cli(capsys, "-C", str(ACME), "score", "--as-of", "20/11/2026").exit_code == 2
    result = run_cli(capsys, "-C", str(ACME), "score", "--period", "2025-Q1")
    assert result.exit_code == 2 and "2026-Q3, 2026-Q4" in result.stderr


@pytest.mark.parametrize("flag", ["--explain", "--tree"])
@pytest.mark.parametrize("output_format", ["json", "csv", "markdown"])
def test_terminal_only_flags_are_refused_with_a_file_format(capsys, flag, output_format):
    result = run_cli(capsys, "-C", str(ACME), "score", "--format", output_format, flag)
    assert result.exit_code == 2 and result.stdout == "" and f"{flag} is for the table on the terminal" in result.stderr
