"""Filters filter everything: --team, --owner and a ref prefix apply to the teams, counts,
overall scores, sections and JSON of every format, never to some of them.

The rule (scoring/selection.py): objectives keep their own score, grade and status; a
team's score is the mean of the objectives shown, the overall score the mean of the
teams shown.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.helpers import ACME, copy_acme, run_cli

AS_OF = "2026-11-20"


def _json(capsys, *args) -> dict:
    result = run_cli(capsys, "-C", str(ACME), *args, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _team_scores(capsys) -> dict[str, float]:
    return {t["team"]: t["score"] for t in _json(capsys, "score")["teams"]}


def test_report_for_one_team_shows_that_team_in_every_section(capsys):
    finance = _team_scores(capsys)["finance"]
    data = _json(capsys, "report", "--team", "finance")
    assert [t["team"] for t in data["teams"]] == ["finance"]
    assert data["score"] == finance
    report = data["report"]
    assert sum(report["counts"].values()) == sum(len(o["key_results"]) for o in data["teams"][0]["objectives"])
    assert [t["team"] for t in report["team_changes"]] == ["finance"]
    assert all(s["ref"].startswith("finance/") for s in report["aspirational_distribution"]["scores"])
    assert all(m["ref"].startswith("finance/") for m in report["missed_committed"])
    assert report["breached_guardrails"] == []  # sales has the breach, and sales is not shown


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_report_for_one_team_shows_its_overall_score_in_text(capsys, fmt):
    args = ["report", "--team", "finance", "--as-of", AS_OF] + (["--format", fmt] if fmt != "terminal" else ["--no-pager"])
    text = run_cli(capsys, "-C", str(ACME), *args).stdout
    overall = re.search(r"[Oo]verall(?: score)? \**([0-9.]+)", text)[1]
    team = re.search(r"^(?:## )?finance:? +([0-9.]+)", text, re.M)[1]
    assert overall == team != f"{_json(capsys, 'score')['score']:.2f}"
    assert not re.search(r"^(## )?(sales|company|product|people)\b", text, re.M)


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_score_for_a_team_prefix_shows_that_team_s_overall_score(capsys, fmt):
    platform = _team_scores(capsys)["product"]
    result = run_cli(capsys, "-C", str(ACME), "score", "product", "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout)["score"] == platform
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert float(rows[0]["score"]) == platform and {r["level"] for r in rows} >= {"period", "team"}
        assert all(r["ref"].startswith("product") or r["level"] == "period" for r in rows)
    else:
        overall = re.search(r"[Oo]verall(?: score)? \**([0-9.]+)", result.stdout)[1]
        team = re.search(r"^(?:### )?product:? +(?:score )?([0-9.]+)", result.stdout, re.M)[1]
        assert overall == team


def test_score_for_an_objective_prefix_totals_that_objective(capsys):
    data = _json(capsys, "score", "finance/faster-close")
    objective = data["teams"][0]["objectives"][0]
    assert [o["ref"] for o in data["teams"][0]["objectives"]] == ["finance/faster-close"]
    assert data["score"] == data["teams"][0]["score"] == objective["score"]
    assert data["teams"][0]["guardrails"] == []


@pytest.fixture()
def shared_objective(tmp_path):
    """acme with one finance key result owned by ana-ruiz inside omar-haddad's objective."""
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "      - id: recon-exceptions\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + "        owner: ana-ruiz\n", 1), encoding="utf-8")
    return repo


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "terminal"])
def test_report_for_an_owner_shows_only_what_the_owner_owns(capsys, shared_objective, fmt):
    args = ["-C", str(shared_objective), "report", "--owner", "ana-ruiz", "--as-of", AS_OF]
    result = run_cli(capsys, *args, *(["--format", fmt] if fmt != "terminal" else ["--no-pager"]))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Leaders plan" in text  # ana-ruiz's own objective
    assert "close-time" not in text and "month-end close" not in text  # omar's key result of the shared objective
    assert "Leaders plan" in text and "complaint" not in text.lower()  # sales' guardrail has no owner
    if fmt != "json":
        return
    data = json.loads(text)
    krs = [kr for t in data["teams"] for o in t["objectives"] for kr in o["key_results"]]
    assert {kr["owner"] for kr in krs} == {"ana-ruiz"}
    assert sorted(kr["ref"] for kr in krs) == [
        "finance/faster-close/recon-exceptions", "finance/trusted-forecasts/budget-variance", "finance/trusted-forecasts/forecast-accuracy",
    ]
    team = data["teams"][0]
    assert team["score"] == pytest.approx(sum(o["score"] for o in team["objectives"]) / 2, abs=1e-4)
    assert data["score"] == team["score"]
    assert sum(data["report"]["counts"].values()) == 3
    # a team shown in part is not compared with its whole score of last period
    assert data["report"]["team_changes"] == [{"team": "finance", "score": team["score"], "previous_score": None, "change": None}]


def test_team_and_owner_together(capsys, shared_objective):
    base = ["-C", str(shared_objective), "report", "--as-of", AS_OF, "--owner", "ana-ruiz"]
    data = json.loads(run_cli(capsys, *base, "--team", "finance", "--format", "json").stdout)
    assert [t["team"] for t in data["teams"]] == ["finance"] and sum(data["report"]["counts"].values()) == 3
    # a team that exists but holds nothing of the owner's: an empty report, not "no team 'sales'"
    result = run_cli(capsys, *base, "--team", "sales", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["teams"] == [] and data["score"] is None and sum(data["report"]["counts"].values()) == 0
    assert "nothing matches the filters" in run_cli(capsys, *base, "--team", "sales", "--no-pager").stdout
