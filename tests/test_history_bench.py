"""The history benchmark's corpus and its section of docs/performance.md (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from history_bench import BEGIN, END, render_history, update_docs  # noqa: E402
from history_corpus import generate  # noqa: E402


def test_the_corpus_is_weekly_checkin_commits_that_lint_and_history_read(tmp_path, capsys):
    from tests.helpers import run_cli

    commits = generate(tmp_path / "repo", teams=2, quarter_count=2)
    assert commits == 1 + 2 * (2 + 13 * 2)
    log = subprocess.run(["git", "log", "--format=%ad", "--date=short"], cwd=tmp_path / "repo", capture_output=True, text=True).stdout.split()
    assert len(log) == commits and log[-1] == "2024-12-01"
    history = run_cli(capsys, "-C", str(tmp_path / "repo"), "history", "team-001/objective-1/kr-1", "--period", "2025-Q2")
    assert history.exit_code == 0 and history.stdout.count("check-in added") == 13
    assert run_cli(capsys, "-C", str(tmp_path / "repo"), "lint", "--as-of", "2025-06-20").exit_code in (0, 1)


def test_the_section_is_replaced_and_the_rest_of_the_document_kept(tmp_path):
    from types import SimpleNamespace

    rows = {name: SimpleNamespace(name=name, median=1.0, spread="1.000-1.000", peak_mb=50.0) for name in (
        "okr lint without the history rules (cold)", "okr lint (cold)", "okr lint (nothing changed)", "okr score REF",
        "okr history REF (cold)", "okr history REF (history cached)")}
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\nbefore\n")
    update_docs(doc, render_history(rows, 5601, "python benchmarks/run.py --history"))
    update_docs(doc, render_history(rows, 5601, "python benchmarks/run.py --history"))
    text = doc.read_text()
    assert text.startswith("# Performance\n\nbefore\n") and text.count(BEGIN) == 1 and text.count(END) == 1
    assert "| okr history REF <= 3 x okr score REF (history not cached) | 1.00 | 3.0 | met |" in text


def test_the_committed_document_has_the_history_rows():
    text = (ROOT / "docs/performance.md").read_text()
    section = text[text.index(BEGIN) : text.index(END)]
    assert "okr lint with the history rules <= 2 x without them (cold)" in section and "5,601 commits" in section
