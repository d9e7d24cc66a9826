"""okr report and okr tree: golden files at a fixed date, formats, filters, escaping."""

from __future__ import annotations

import json

import pytest

from tests.golden_util import assert_golden
from tests.helpers import ACME, copy_acme, run_cli

AS_OF = "2026-11-20"


@pytest.mark.parametrize("width", [40, 50, 60, 80, 100, 120])
def test_terminal_dashboard(capsys, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert [line for line in lines if line != line.rstrip()] == []  # no trailing spaces on plain text
    assert "…" not in result.stdout  # nothing cut: titles, statuses and headings are whole
    if width < 75:  # stacked: each title on its own line, its figures under it
        assert "Reduce month-end close from 7 days to 4 days" in result.stdout.replace("\n  ", " ")
        assert "objective / key result" not in result.stdout
    assert "\x1b[" not in result.stdout  # piped and NO_COLOR: plain text
    assert_golden(f"report/dashboard-{width}.txt", result.stdout)


def test_dashboard_filters(capsys):
    result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--team", "sales")
    assert "sales" in result.stdout and "finance" not in result.stdout
    assert "⚠ breached" in result.stdout
    result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--owner", "ana-ruiz")
    assert "Leaders plan with forecasts they trust" in result.stdout and "Close the books" not in result.stdout
    assert run_cli(capsys, "-C", str(ACME), "report", "--team", "nobody", "--as-of", AS_OF).exit_code == 2


def test_markdown_report(capsys):
    result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--format", "markdown")
    assert_golden("report/q4.md", result.stdout)


def test_finished_quarter_lists_missed_committed_with_retrospectives(capsys):
    text = run_cli(capsys, "-C", str(ACME), "report", "--period", "2026-Q3", "--as-of", AS_OF, "--format", "markdown").stdout
    assert "**Close the books in a week or less** (`finance/faster-close`, 0.88): Close time stalled at 7.5 days" in text
    assert_golden("report/q3.md", text)


def test_missing_retrospective_is_visible(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q3/finance.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("    retrospective:")])
    result = run_cli(capsys, "-C", str(repo), "report", "--period", "2026-Q3", "--as-of", AS_OF, "--format", "markdown")
    assert "(`finance/faster-close`, 0.88): **no retrospective**" in result.stdout
    html = run_cli(capsys, "-C", str(repo), "report", "--period", "2026-Q3", "--as-of", AS_OF, "--format", "html").stdout
    assert '<span class="warn">No retrospective</span>' in html


def test_json_report_extends_the_score_contract(capsys):
    result = run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--format", "json")
    data = json.loads(result.stdout)
    score = json.loads(run_cli(capsys, "-C", str(ACME), "score", "--as-of", AS_OF, "--format", "json").stdout)
    for team in data["teams"]:  # the report adds each objective's score in the compared period
        for objective in team["objectives"]:
            assert set(objective.pop("previous") or {}) <= {"period", "score"}
    assert {k: v for k, v in data.items() if k != "report"} == score
    assert {"counts", "missed_committed", "aspirational_distribution", "team_changes", "previous_period"} <= set(data["report"])
    assert_golden("report/q4.json", result.stdout)


def test_format_from_the_extension(tmp_path, capsys):
    for name, marker in (("r.md", "# OKR report 2026-Q4"), ("r.html", "<!DOCTYPE html>"), ("r.json", '"period": "2026-Q4"')):
        target = tmp_path / name
        assert run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "-o", str(target)).exit_code == 0
        assert marker in target.read_text()
    assert run_cli(capsys, "-C", str(ACME), "report", "-o", str(tmp_path / "r.pdf")).exit_code == 2
    assert run_cli(capsys, "-C", str(ACME), "report", "--format", "terminal", "-o", str(tmp_path / "r.txt")).exit_code == 2


def test_html_escapes_every_piece_of_okr_text(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    text = path.read_text().replace("title: Close the books fast enough to steer by them", "title: <script>alert(1)</script>")
    text = text.replace("note: October close took", "note: <img src=x onerror=alert(2)> October close took")
    path.write_text(text)
    html = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "html").stdout
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html


def test_tree(capsys):
    result = run_cli(capsys, "-C", str(ACME), "tree", "--as-of", AS_OF)
    assert result.exit_code == 0
    assert_golden("report/tree.txt", result.stdout)


def test_markdown_escapes_pipes_in_titles_in_both_outputs(tmp_path, capsys):
    repo = copy_acme(tmp_path / "acme")
    path = repo / "okrs/2026-Q4/finance.yaml"
    path.write_text(path.read_text().replace("title: Close the books fast enough to steer by them", "title: Close | books"))
    score = run_cli(capsys, "-C", str(repo), "score", "--as-of", AS_OF, "--format", "markdown").stdout
    report = run_cli(capsys, "-C", str(repo), "report", "--as-of", AS_OF, "--format", "markdown").stdout
    assert "| **Close \\| books** (`finance/faster-close`) |" in score
    assert "### Close \\| books" in report
    assert "Close | books" not in score + report


def test_every_status_and_grade_has_a_terminal_style():
    from okrcli.report.styles import GRADE_STYLE, STATUS_STYLE
    from okrcli.scoring.statuses import GRADES, GUARDRAIL_STATUSES, KR_STATUSES

    assert set(STATUS_STYLE) == set(KR_STATUSES) | set(GUARDRAIL_STATUSES)
    assert set(GRADE_STYLE) == set(GRADES)


def test_counts_list_every_status_in_the_vocabulary_order(capsys):
    from okrcli.scoring.statuses import KR_STATUSES

    data = json.loads(run_cli(capsys, "-C", str(ACME), "report", "--as-of", AS_OF, "--format", "json").stdout)
    assert list(data["report"]["counts"]) == list(KR_STATUSES)


def test_terminal_dashboard_of_a_closed_period(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result = run_cli(capsys, "-C", str(ACME), "report", "--period", "2026-Q3", "--as-of", AS_OF, "--notes")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "period ended: final scores" in text
    assert text.index("Needs attention (1)") < text.index("company  ")
    assert "committed, missed: 0.88 of 1.0" in text  # the missed commitment, in words
    assert "on-track" not in text and "stale" not in text  # final statuses only
    assert_golden("report/dashboard-q3-100.txt", text)
