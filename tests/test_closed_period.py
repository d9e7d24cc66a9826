"""A period whose last day has come reads as closed: final statuses, and every report says it ended.

From as-of on the period's last day, key results and objectives are ``done``, ``achieved``
or ``missed``; nothing is on track, at risk, off track, stale or not started any more, and
the reports show the period ended instead of "day 92 of 92" and check-in ages.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrcli.model.okrfile import CheckIn
from okrcli.model.periods import make_period
from okrcli.scoring.statuses import CLOSED_STATUSES, RUNNING_STATUSES, final_status, kr_status
from tests.helpers import ACME, run_cli

Q3 = ["--period", "2026-Q3", "--as-of", "2026-11-20"]
RUNNING_WORDS = re.compile(r"\b(on-track|at-risk|off-track|stale|not-started)\b")


def _statuses(data: dict) -> list[str]:
    objectives = [o for t in data["teams"] for o in t["objectives"]]
    return [o["status"] for o in objectives] + [kr["status"] for o in objectives for kr in o["key_results"]]


def test_the_issue_case_faster_close_in_november(capsys):
    data = json.loads(run_cli(capsys, "-C", str(ACME), "report", *Q3, "--format", "json").stdout)
    assert data["closed"] is True
    faster_close = next(o for t in data["teams"] for o in t["objectives"] if o["ref"] == "finance/faster-close")
    assert (faster_close["grade"], faster_close["status"]) == ("missed", "missed")
    assert set(_statuses(data)) <= set(CLOSED_STATUSES)
    counts = data["report"]["counts"]
    assert all(counts[s] == 0 for s in RUNNING_STATUSES if s != "done")
    assert sum(counts[s] for s in CLOSED_STATUSES) == sum(len(o["key_results"]) for t in data["teams"] for o in t["objectives"])


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "markdown"])
def test_score_of_a_closed_period_has_only_final_statuses(capsys, fmt):
    result = run_cli(capsys, "-C", str(ACME), "score", *Q3, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["closed"] is True and set(_statuses(data)) <= set(CLOSED_STATUSES)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {r["status"] for r in rows if r["level"] in ("objective", "key_result")} <= set(CLOSED_STATUSES)
    else:
        assert not RUNNING_WORDS.search(result.stdout)
        assert "period ended" in result.stdout


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_report_says_the_period_ended(capsys, fmt):
    args = ["report", *Q3] + (["--no-pager"] if fmt == "terminal" else ["--format", fmt])
    text = run_cli(capsys, "-C", str(ACME), *args).stdout
    assert "period ended" in text
    assert "day 92 of 92" not in text and "0 left" not in text
    assert not re.search(r"\d+d ago", text)  # a check-in's age from November says nothing about Q3
    assert not RUNNING_WORDS.search(re.sub(r"<style>.*?</style>", "", text, flags=re.S))
    if fmt != "markdown":
        assert "2026-09-28" in text  # the last check-in is shown by its date


def test_the_last_day_closes_the_period_and_the_day_before_does_not(capsys):
    def report(day):
        return json.loads(run_cli(capsys, "-C", str(ACME), "report", "--period", "2026-Q4", "--as-of", day, "--format", "json").stdout)

    last = report("2026-12-31")
    assert last["closed"] is True and set(_statuses(last)) <= set(CLOSED_STATUSES)
    before = report("2026-12-30")
    assert before["closed"] is False and set(_statuses(before)) <= set(RUNNING_STATUSES)
    assert "open" in {o["grade"] for t in before["teams"] for o in t["objectives"]}


Q4 = make_period("2026-Q4")


@given(
    st.sampled_from(["committed", "aspirational"]),
    st.floats(0, 1),
    st.floats(0, 1),
    st.one_of(st.none(), st.integers(0, 91)),
    st.one_of(st.none(), st.floats(0, 1)),
    st.integers(0, 400),
)
def test_every_status_from_the_last_day_on_is_final(kind, score, forecast, checkin_day, confidence, days_after):
    as_of = Q4.end + timedelta(days=days_after)
    last = None if checkin_day is None else CheckIn(date=Q4.start + timedelta(days=checkin_day), value=1.0)
    status, why = kr_status(kind, score, forecast, last, confidence, Q4, as_of, 14)
    assert status in CLOSED_STATUSES
    assert (status, why) == final_status(kind, score)


def test_final_statuses_judge_the_final_score_against_the_bar():
    assert final_status("aspirational", 1.0)[0] == "done"
    assert final_status("aspirational", 0.7)[0] == "achieved"
    assert final_status("aspirational", 0.69)[0] == "missed"
    assert final_status("committed", 0.99)[0] == "missed"
    assert final_status("committed", 1.0)[0] == "done"


def test_docs_document_the_closed_statuses():
    from tests.helpers import EXAMPLES

    root = EXAMPLES.parent / "docs"
    scoring, report = (root / "scoring.md").read_text(encoding="utf-8"), (root / "report.md").read_text(encoding="utf-8")
    for word in CLOSED_STATUSES:
        assert f"`{word}`" in scoring
    assert '"closed"' in scoring and "`closed`" in report
